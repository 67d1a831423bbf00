from django.urls import path

from feedback import views

urlpatterns = [
    path("", views.rate, name="page_feedback"),
    path("cam-on/", views.thanks, name="page_feedback_thanks"),
]
