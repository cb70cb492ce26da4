from django.urls import path

from . import views

app_name = "partners"
urlpatterns = [
    path("", views.RegisterView.as_view(), name="register"),
    path("zaiavka-otpravlena/", views.SentView.as_view(), name="sent"),
    path("podtverzhdenie/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
]
