"""The editorial app split into notifications and reporting (#17): the new app's name in the admin."""

VI = {
    "Editorial reports": "Báo cáo biên tập",
}
