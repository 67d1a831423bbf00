"""Factories for tests. Units are made through the real provisioning service."""

import json

from django.contrib.auth import get_user_model

import factory
import wagtail_factories

from news.models import NewsArticlePage
from sites.services import provision_site


def make_unit(slug, *, parent=None, level=None, name=None, hostname=None):
    """Provision a unit the way production does and return it."""
    level = level or ("district" if parent is None else "commune")
    return provision_site(
        name=name or f"Unit {slug}",
        slug=slug,
        level=level,
        hostname=hostname or ("localhost" if parent is None else f"{slug}.localhost"),
        parent=parent,
    ).unit


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.test")
    password = factory.PostGenerationMethodCall("set_password", "pw")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if extracted:
            self.groups.add(*extracted)
        self.save()


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsArticlePage

    title = factory.Sequence(lambda n: f"Tin số {n}")
    lead = "Sapo của tin."
    body = factory.LazyFunction(lambda: json.dumps([{"type": "paragraph", "value": "<p>Nội dung.</p>"}]))
