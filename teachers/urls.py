from django.urls import path

from . import views

app_name = "teachers"
urlpatterns = [
    path("", views.register, name="register"),
    path("zayavka-otpravlena/", views.sent, name="sent"),
    path("podtverzhdenie/<str:token>/", views.confirm, name="confirm"),
]
