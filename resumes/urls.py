from django.urls import path

from . import views

app_name = "resumes"
urlpatterns = [
    path("registratsiya/", views.RegisterView.as_view(), name="register"),
    path("registratsiya/zayavka-otpravlena/", views.SentView.as_view(), name="sent"),
    path("registratsiya/podtverzhdenie/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path("kabinet/", views.CabinetView.as_view(), name="cabinet"),
    path("kabinet/rezyume/", views.ResumeEditView.as_view(), name="resume"),
    path("kabinet/rezyume/pdf/", views.ResumePdfView.as_view(), name="resume-pdf"),
    path("kabinet/rezyume/fajly/", views.ResumeFilesView.as_view(), name="files"),
    path("kabinet/rezyume/fajly/<int:pk>/", views.ResumeFileView.as_view(), name="file"),
]
