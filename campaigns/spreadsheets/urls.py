from django.urls import path

from . import views

urlpatterns = [
    path("imports/candidates/", views.candidate_import, name="candidate_import"),
    path("imports/vacancies/<int:pk>/", views.vacancy_import, name="vacancy_import"),
    path("imports/<uuid:pk>/", views.import_preview, name="import_preview"),
    path("imports/<uuid:pk>/confirm/", views.import_confirm, name="import_confirm"),
    path("imports/<uuid:pk>/valid-rows/", views.import_partial, name="import_partial"),
    path("imports/<uuid:pk>/to-fix.<str:file_format>", views.import_rejected, name="import_rejected"),
    path("imports/<uuid:pk>/discard/", views.import_discard, name="import_discard"),
    path("imports/template/<str:kind>.<str:file_format>", views.import_template, name="import_template"),
    path("exports/candidates.<str:file_format>", views.candidate_export, name="candidate_export"),
    path("exports/vacancies.<str:file_format>", views.vacancy_export, name="vacancy_export"),
    path("exports/companies.<str:file_format>", views.company_export, name="company_export"),
]
