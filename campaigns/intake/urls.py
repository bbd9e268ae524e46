from django.urls import path

from . import bulk, views

# Mounted under /candidates/, beside candidates.urls: registering into a campaign, the vacancy briefing, screening,
# a drop-out and a new enrolment.
urlpatterns = [
    path("register/<int:campaign_pk>/", views.candidate_register, name="candidate_register"),
    path("briefing/<int:campaign_pk>/", views.vacancy_briefing, name="vacancy_briefing"),
    path("screening/campaign/<int:campaign_pk>/", views.screening_board, name="screening_board"),
    path(
        "screening/campaign/<int:campaign_pk>/calibration/", views.screening_calibration, name="screening_calibration"
    ),
    path("screening/campaign/<int:campaign_pk>/decide/", views.screening_decide, name="screening_decide"),
    path("screening/<int:pk>/round-<int:round>/", views.screening_edit, name="screening_edit"),
    path("bulk/enrol/", bulk.bulk_enrol, name="candidate_bulk_enrol"),
    path("<int:pk>/enrol/", views.candidate_enrol_again, name="candidate_enrol_again"),
    path("enrolments/<int:pk>/drop-out/", views.enrolment_drop_out, name="enrolment_drop_out"),
]
