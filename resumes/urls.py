from django.urls import path

from . import views

app_name = "resumes"
urlpatterns = [
    path("registratsiia/", views.RegisterView.as_view(), name="register"),
    path("registratsiia/zaiavka-otpravlena/", views.SentView.as_view(), name="sent"),
    path("registratsiia/podtverzhdenie/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path("kabinet/", views.CabinetView.as_view(), name="cabinet"),
    path("kabinet/reziume/", views.ResumeEditView.as_view(), name="resume"),
    path("kabinet/reziume/pdf/", views.ResumePdfView.as_view(), name="resume-pdf"),
    path("kabinet/reziume/faily/", views.ResumeFilesView.as_view(), name="files"),
    path("kabinet/reziume/faily/<int:pk>/", views.ResumeFileView.as_view(), name="file"),
]
