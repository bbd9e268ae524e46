from django.urls import path

from . import views

urlpatterns = [
    path("", views.placement_list, name="placement_list"),
    path("offers/<int:pk>/place/", views.placement_from_offer, name="placement_from_offer"),
    path("placements/<int:pk>/", views.placement_detail, name="placement_detail"),
    path("placements/<int:pk>/<slug:action>/", views.placement_change, name="placement_change"),
    path("check-ins/", views.check_in_list, name="check_in_list"),
    path("check-ins/<int:pk>/", views.check_in_answer, name="check_in_answer"),
    path("check-ins/<int:pk>/clear-flag/", views.check_in_clear_flag, name="check_in_clear_flag"),
    path("answer/<str:token>/", views.check_in_link, name="check_in_link"),
    path("caseload/", views.caseload, name="caseload"),
    path("candidates/<int:pk>/contacts/new/", views.coaching_contact_create, name="coaching_contact_create"),
]
