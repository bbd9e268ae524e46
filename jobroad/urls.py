from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from . import message_bulk, saved_filters, views

# The admin logs in through allauth (rate limits and MFA), never around it.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("", include("campaigns.reporting.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("floor/", views.floor, name="floor"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<int:pk>/invite/", views.organisation_invite, name="organisation_invite"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("messages/", views.message_list, name="message_list"),
    path("messages/new/", views.message_create, name="message_create"),
    path("messages/languages/", views.message_languages, name="message_languages"),
    path("messages/failed/resend/", views.message_resend_failed, name="message_resend_failed"),
    path("messages/bulk/cancel/", message_bulk.message_bulk_cancel, name="message_bulk_cancel"),
    path("messages/bulk/resend/", message_bulk.message_bulk_resend, name="message_bulk_resend"),
    path("messages/<int:pk>/", views.message_detail, name="message_detail"),
    path("messages/<int:pk>/cancel/", views.message_cancel, name="message_cancel"),
    path("messages/<int:pk>/resend/", views.message_resend, name="message_resend"),
    path("sms/twilio/status/", views.sms_status_callback, name="sms_status_callback"),
    path("lists/saved/", saved_filters.saved_filter_create, name="saved_filter_create"),
    path("lists/saved/<int:pk>/", saved_filters.saved_filter_open, name="saved_filter_open"),
    path("lists/saved/<int:pk>/delete/", saved_filters.saved_filter_delete, name="saved_filter_delete"),
    path("mail/", views.mail_list, name="mail_list"),
    path("mail/<int:pk>/", views.mail_detail, name="mail_detail"),
    path("aftercare/", include("aftercare.urls")),
    path("campaigns/", include("campaigns.urls")),
    path("candidates/", include("candidates.urls")),
    path("candidates/", include("campaigns.intake.urls")),
    path("companies/", include("companies.urls")),
    path("workshops/", include("workshops.urls")),
    path("", include("campaigns.spreadsheets.urls")),
    path("", include("campaigns.personal.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/setlang/", views.switch_language, name="set_language"),
    path("admin/", admin.site.urls),
]
