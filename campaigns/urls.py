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
    path("<int:pk>/companies/add/", views.campaign_add_company, name="campaign_add_company"),
    path("participations/<int:pk>/edit/", views.participation_edit, name="participation_edit"),
    path("<int:pk>/matching/", views.campaign_matching, name="campaign_matching"),
    path("<int:pk>/matching/scores/", views.matching_scores, name="matching_scores"),
    path("<int:pk>/matching/confirm/", views.matching_confirm, name="matching_confirm"),
    path("enrolments/<int:pk>/matching/", views.matching_candidate, name="matching_candidate"),
    path("enrolments/<int:pk>/matching/<int:vacancy_pk>/", views.matching_pair_rule, name="matching_pair_rule"),
    path("<int:pk>/project-week/", views.project_week, name="project_week"),
    path("<int:pk>/project-week/generate/", views.project_week_generate, name="project_week_generate"),
    path("<int:pk>/project-week/publish/", views.project_week_publish, name="project_week_publish"),
    path("interviews/<int:pk>/move/", views.interview_move, name="interview_move"),
    path("proposals/", views.proposal_list, name="proposal_list"),
    path("proposals/<int:pk>/answer/", views.proposal_answer, name="proposal_answer"),
]
