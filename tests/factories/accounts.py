import factory
from allauth.account.models import EmailAddress

from coachbridge.accounts.models import Profile, User

PASSWORD = "a-long-test-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"member{n}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)
    language = "nl"

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
        if create:
            self.save()


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    display_name = factory.Sequence(lambda n: f"Member {n:03d}")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            from coachbridge.accounts.models import Role

            self.roles.set(Role.objects.filter(code__in=extracted))

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            from coachbridge.common.models import Theme

            self.themes.set(Theme.objects.filter(slug__in=extracted))
