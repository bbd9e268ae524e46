from django.urls import path

from . import views

urlpatterns = [
    path("p/<str:language>/<str:token>/", views.personal_page, name="personal_page"),
    path("p/<str:language>/<str:token>/<str:kind>/<int:pk>/answer/", views.personal_answer, name="personal_answer"),
    path("p/<str:language>/<str:token>/<str:kind>/<int:pk>.ics", views.personal_calendar, name="personal_calendar"),
]
