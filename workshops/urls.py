from django.urls import path

from . import bulk, views

urlpatterns = [
    path("campaign/<int:campaign_pk>/", views.workshop_list, name="workshop_list"),
    path("campaign/<int:campaign_pk>/new/", views.workshop_create, name="workshop_create"),
    path("<int:workshop_pk>/sessions/new/", views.session_create, name="session_create"),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<int:pk>/edit/", views.session_edit, name="session_edit"),
    path("sessions/<int:pk>/cancel/", views.session_cancel, name="session_cancel"),
    path("sessions/<int:pk>/register/", views.session_register, name="session_register"),
    path("sessions/<int:pk>/attendance/", views.session_attendance, name="session_attendance"),
    path("sessions/<int:pk>/headcount/", views.session_headcount, name="session_headcount"),
    path("sessions/<int:pk>/attendance-sheet.pdf", views.attendance_sheet, name="attendance_sheet"),
    path("bulk/register/", bulk.bulk_register, name="session_bulk_register"),
    path("registrations/<int:pk>/cancel/", views.registration_cancel, name="registration_cancel"),
]
