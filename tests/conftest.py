import pytest

from tests.factories import UserFactory, make_unit


@pytest.fixture
def district(db):
    return make_unit("ninh-phuoc", name="Huyện Ninh Phước", level="district")


@pytest.fixture
def commune_a(district):
    return make_unit("phuoc-hau", parent=district, name="Xã Phước Hậu")


@pytest.fixture
def commune_b(district):
    return make_unit("an-hai", parent=district, name="Xã An Hải")


@pytest.fixture
def editor_a(commune_a):
    return UserFactory(username="a-editor", groups=[commune_a.editors_group])


@pytest.fixture
def approver_a(commune_a):
    return UserFactory(username="a-approver", groups=[commune_a.approvers_group])


@pytest.fixture
def board_member(district):
    return UserFactory(username="board", groups=[district.approvers_group])


@pytest.fixture
def approver_b(commune_b):
    return UserFactory(username="b-approver", groups=[commune_b.approvers_group])


@pytest.fixture
def second_board_member(district):
    return UserFactory(username="board-2", groups=[district.approvers_group])
