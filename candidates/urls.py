from django.urls import path

from . import bulk_message_views, views

# Registering into a campaign and screening live under /candidates/ too: campaigns.intake.urls.
urlpatterns = [
    path("", views.candidate_list, name="candidate_list"),
    path("bulk/message/", bulk_message_views.candidate_bulk_message, name="candidate_bulk_message"),
    path("consent-form/", views.consent_form_blank, name="consent_form_blank"),
    path("<int:pk>/", views.candidate_detail, name="candidate_detail"),
    path("<int:pk>/edit/", views.candidate_edit, name="candidate_edit"),
    path("<int:pk>/audit/", views.candidate_audit, name="candidate_audit"),
    path("<int:pk>/everything.zip", views.candidate_subject_export, name="candidate_subject_export"),
    path("<int:pk>/erase/", views.candidate_erase, name="candidate_erase"),
    path("<int:pk>/consent/", views.candidate_consent, name="candidate_consent"),
    path("<int:pk>/different-person/", views.candidate_different_person, name="candidate_different_person"),
    path("<int:pk>/consent-form/", views.candidate_consent_form, name="candidate_consent_form"),
]
