from django.urls import path

from . import views

# Mounted under /candidates/, beside candidates.urls: registering into a campaign and screening.
urlpatterns = [
    path("register/<int:campaign_pk>/", views.candidate_register, name="candidate_register"),
    path("screening/campaign/<int:campaign_pk>/", views.screening_board, name="screening_board"),
    path(
        "screening/campaign/<int:campaign_pk>/calibration/", views.screening_calibration, name="screening_calibration"
    ),
    path("screening/<int:pk>/round-<int:round>/", views.screening_edit, name="screening_edit"),
]
