from django.urls import path

from . import views

# Mounted at the site's root: the home page is the dashboard of each role.
urlpatterns = [
    path("", views.home, name="home"),
]
