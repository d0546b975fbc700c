from django.contrib.auth import views as auth_views
from django.urls import path

from . import password_reset as reset
from . import views, views_2fa

app_name = "accounts"
urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("me/", views.mypage, name="mypage"),
    path("two-factor/", views_2fa.two_factor, name="two_factor"),
    path("password-reset/", reset.PasswordResetView.as_view(), name="password_reset"),
    path("password-reset/sent/", reset.PasswordResetDoneView.as_view(),
         name="password_reset_done"),
    path("password-reset/<uidb64>/<token>/", reset.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("password-reset/complete/", reset.PasswordResetCompleteView.as_view(),
         name="password_reset_complete"),
]
