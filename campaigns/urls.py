from django.urls import path

from . import views

urlpatterns = [
    path("", views.campaign_list, name="campaign_list"),
    path("new/", views.campaign_create, name="campaign_create"),
    path("reports/", views.report_list, name="report_list"),
    path("<int:pk>/", views.campaign_detail, name="campaign_detail"),
    path("<int:pk>/edit/", views.campaign_edit, name="campaign_edit"),
    path("<int:pk>/advance/", views.campaign_advance, name="campaign_advance"),
    path("<int:pk>/clone/", views.campaign_clone, name="campaign_clone"),
]
