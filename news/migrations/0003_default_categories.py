from django.db import migrations

# Copied, not imported: a migration must not change when the code does.
DEFAULT_CATEGORIES = [
    ("hoat-dong-lanh-dao", "Hoạt động lãnh đạo", False),
    ("kinh-te-xa-hoi", "Kinh tế - Xã hội", False),
    ("quoc-phong-an-ninh", "Quốc phòng - An ninh", False),
    ("xay-dung-dang", "Xây dựng Đảng", False),
    ("van-hoa-xa-hoi", "Văn hóa - Xã hội", False),
    ("y-te-phong-chong-dich", "Y tế - Phòng chống dịch", True),
    ("cai-cach-hanh-chinh", "Cải cách hành chính", False),
    ("thong-bao", "Thông báo", False),
]


def create_defaults(apps, schema_editor):
    Category = apps.get_model("news", "Category")
    for order, (slug, name, requires_source) in enumerate(DEFAULT_CATEGORIES):
        Category.objects.get_or_create(
            slug=slug,
            unit=None,
            defaults={"name": name, "requires_source": requires_source, "sort_order": order},
        )


def remove_defaults(apps, schema_editor):
    Category = apps.get_model("news", "Category")
    Category.objects.filter(unit=None, slug__in=[slug for slug, _, _ in DEFAULT_CATEGORIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("news", "0002_newsarticlepage_featured_and_more")]

    operations = [migrations.RunPython(create_defaults, remove_defaults)]
