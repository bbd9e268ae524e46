from django.urls import path

from . import bulk, referral_views, views

urlpatterns = [
    path("", views.placement_list, name="placement_list"),
    path("placements/bulk/message/", bulk.placement_bulk_message, name="placement_bulk_message"),
    path("placements/export.<str:file_format>", bulk.placement_export, name="placement_export"),
    path("offers/<int:pk>/place/", views.placement_from_offer, name="placement_from_offer"),
    path("placements/<int:pk>/", views.placement_detail, name="placement_detail"),
    path("placements/<int:pk>/<slug:action>/", views.placement_change, name="placement_change"),
    path("check-ins/", views.check_in_list, name="check_in_list"),
    path("check-ins/<int:pk>/", views.check_in_answer, name="check_in_answer"),
    path("check-ins/<int:pk>/clear-flag/", views.check_in_clear_flag, name="check_in_clear_flag"),
    path("answer/<str:token>/", views.check_in_link, name="check_in_link"),
    path("referrals/", referral_views.referral_list, name="referral_list"),
    path("referrals/new/<int:pk>/", referral_views.referral_create, name="referral_create"),
    path("referrals/<int:pk>/", referral_views.referral_detail, name="referral_detail"),
    path("referrals/<int:pk>/taken-up/", referral_views.referral_take_up, name="referral_take_up"),
    path("referrals/<int:pk>/place/", referral_views.referral_place, name="referral_place"),
    path("referral/<str:token>/", referral_views.referral_link, name="referral_link"),
    path("caseload/", views.caseload, name="caseload"),
    path("candidates/<int:pk>/contacts/new/", views.coaching_contact_create, name="coaching_contact_create"),
    path("candidates/<int:pk>/coach/", views.coach_assign, name="coach_assign"),
]
