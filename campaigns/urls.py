from django.urls import path

from campaigns import views
from campaigns.matching import proposal_views
from campaigns.matching import views as matching_views
from campaigns.programmes import views as programme_views
from campaigns.projectweek import views as projectweek_views
from campaigns.projectweek.interpreters import views as interpreter_views
from campaigns.projectweek.transport import day_views as transport_day_views
from campaigns.projectweek.transport import views as transport_views
from campaigns.reporting import views as reporting_views

urlpatterns = [
    path("", views.campaign_list, name="campaign_list"),
    path("new/", views.campaign_create, name="campaign_create"),
    path("reports/", reporting_views.report_list, name="report_list"),
    path("reports/report.<str:file_format>", reporting_views.report_export, name="report_export"),
    path("reports/funder-report.pdf", reporting_views.report_pdf, name="report_pdf"),
    path("programmes/", programme_views.programme_list, name="programme_list"),
    path("programmes/new/", programme_views.programme_create, name="programme_create"),
    path("programmes/<int:pk>/", programme_views.programme_detail, name="programme_detail"),
    path("programmes/<int:pk>/edit/", programme_views.programme_edit, name="programme_edit"),
    path("<int:pk>/", views.campaign_detail, name="campaign_detail"),
    path("<int:pk>/edit/", views.campaign_edit, name="campaign_edit"),
    path("<int:pk>/advance/", views.campaign_advance, name="campaign_advance"),
    path("<int:pk>/step-back/", views.campaign_step_back, name="campaign_step_back"),
    path("<int:pk>/clone/", views.campaign_clone, name="campaign_clone"),
    path("<int:pk>/companies/add/", views.campaign_add_company, name="campaign_add_company"),
    path("participations/<int:pk>/edit/", views.participation_edit, name="participation_edit"),
    path("<int:pk>/matching/", matching_views.campaign_matching, name="campaign_matching"),
    path("<int:pk>/matching/scores/", matching_views.matching_scores, name="matching_scores"),
    path("<int:pk>/matching/confirm/", matching_views.matching_confirm, name="matching_confirm"),
    path("enrolments/<int:pk>/matching/", matching_views.matching_candidate, name="matching_candidate"),
    path(
        "enrolments/<int:pk>/matching/<int:vacancy_pk>/", matching_views.matching_pair_rule, name="matching_pair_rule"
    ),
    path("<int:pk>/project-week/", projectweek_views.project_week, name="project_week"),
    path("<int:pk>/project-week/generate/", projectweek_views.project_week_generate, name="project_week_generate"),
    path("<int:pk>/project-week/publish/", projectweek_views.project_week_publish, name="project_week_publish"),
    path(
        "<int:pk>/project-week/interpreters/",
        interpreter_views.project_week_interpreters,
        name="project_week_interpreters",
    ),
    path("interpreters/", interpreter_views.interpreters, name="interpreters"),
    path("interpreters/add/", interpreter_views.interpreter_form, name="interpreter_add"),
    path("interpreters/<int:pk>/", interpreter_views.interpreter_form, name="interpreter_edit"),
    path(
        "interpreter-bookings/<int:pk>/cancel/",
        interpreter_views.interpreter_booking_cancel,
        name="interpreter_booking_cancel",
    ),
    path(
        "interpreter-bookings/<int:pk>/day-sheet.pdf",
        interpreter_views.interpreter_day_sheet,
        name="interpreter_day_sheet",
    ),
    path("<int:pk>/project-week/transport/", transport_views.project_week_transport, name="project_week_transport"),
    path("<int:pk>/project-week/transport/add/", transport_views.transport_run_add, name="transport_run_add"),
    path("transport-runs/<int:pk>/", transport_views.transport_run_edit, name="transport_run_edit"),
    path("transport-runs/<int:pk>/delete/", transport_views.transport_run_delete, name="transport_run_delete"),
    path("transport-runs/<int:pk>/day/", transport_day_views.transport_run_day, name="transport_run_day"),
    path("transport-runs/<int:pk>/marks/", transport_day_views.transport_run_mark, name="transport_run_mark"),
    path(
        "transport-runs/<int:pk>/interviews/<int:interview_pk>/reserves/",
        transport_day_views.transport_reserves,
        name="transport_reserves",
    ),
    path(
        "transport-runs/<int:pk>/interviews/<int:interview_pk>/reserves/<int:enrolment_pk>/",
        transport_day_views.transport_reserve_offer,
        name="transport_reserve_offer",
    ),
    path("<int:pk>/project-week/pack.pdf", projectweek_views.project_week_pack, name="project_week_pack"),
    path("<int:pk>/second-chance/", matching_views.second_chance_list, name="second_chance"),
    path(
        "enrolments/<int:pk>/second-chance/<int:vacancy_pk>/",
        matching_views.second_chance_propose,
        name="second_chance_propose",
    ),
    path("enrolments/<int:pk>/schedule.pdf", projectweek_views.candidate_schedule, name="candidate_schedule"),
    path("participations/<int:pk>/day-sheet.pdf", projectweek_views.company_day_sheet, name="company_day_sheet"),
    path(
        "participations/<int:pk>/confirm-day/",
        projectweek_views.participation_confirm_day,
        name="participation_confirm_day",
    ),
    path("interviews/", projectweek_views.interview_list, name="interview_list"),
    path("interviews/<int:pk>/move/", projectweek_views.interview_move, name="interview_move"),
    path("interviews/<int:pk>/move/check/", projectweek_views.interview_move_check, name="interview_move_check"),
    path("interviews/<int:pk>/plan-again/", projectweek_views.interview_plan_again, name="interview_plan_again"),
    path("interviews/<int:pk>/evaluation/", projectweek_views.interview_evaluation, name="interview_evaluation"),
    path(
        "interviews/<int:pk>/evaluation/not-needed/",
        projectweek_views.interview_evaluation_waive,
        name="interview_evaluation_waive",
    ),
    path("proposals/", proposal_views.proposal_list, name="proposal_list"),
    path("proposals/<int:pk>/answer/", proposal_views.proposal_answer, name="proposal_answer"),
    path("proposals/questions/<int:pk>/", proposal_views.proposal_question, name="proposal_question"),
]
