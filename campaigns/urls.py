from django.urls import path

from . import views

urlpatterns = [
    path("", views.campaign_list, name="campaign_list"),
    path("reports/", views.report_list, name="report_list"),
    path("<int:pk>/", views.campaign_detail, name="campaign_detail"),
]
