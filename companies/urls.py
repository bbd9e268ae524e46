from django.urls import path

from . import views

urlpatterns = [
    path("", views.company_list, name="company_list"),
    path("new/", views.company_create, name="company_create"),
    path("network/", views.network_pipeline, name="network_pipeline"),
    path("network/target/", views.network_target, name="network_target"),
    path("<int:pk>/", views.company_detail, name="company_detail"),
    path("<int:pk>/edit/", views.company_edit, name="company_edit"),
    path("<int:pk>/invite/", views.company_invite, name="company_invite"),
    path("<int:pk>/pledge/", views.company_pledge, name="company_pledge"),
    path("<int:pk>/stage/", views.company_stage, name="company_stage"),
    path("<int:pk>/contacts/new/", views.company_contact, name="company_contact"),
    path("<int:pk>/network/", views.company_network_edit, name="company_network_edit"),
    path("<int:pk>/ambassador/", views.company_ambassador, name="company_ambassador"),
    path("<int:pk>/sites/new/", views.site_create, name="site_create"),
    path("sites/<int:pk>/edit/", views.site_edit, name="site_edit"),
    path("<int:pk>/vacancies/new/", views.vacancy_create, name="vacancy_create"),
    path("vacancies/<int:pk>/edit/", views.vacancy_edit, name="vacancy_edit"),
]
