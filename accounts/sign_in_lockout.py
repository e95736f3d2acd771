"""Wrong passwords and phone codes, counted per account and per address (django-axes).

An account is locked after AXES_FAILURE_LIMIT failures, from whatever addresses they come
(someone guessing one person's password from many machines). An address is locked after
PROXIMITE_ADDRESS_FAILURE_LIMIT failures, for whatever accounts (someone trying a few common
passwords on many accounts): higher, because a shop's or a town hall's staff share one address
and a few of them mistyping must not lock the others out. The rule of before, an account from
one address, is part of the first one.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit, get_lockout_parameters
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum

# What the lockout page (accounts/lockout.html) reads on the request to say which rule locked it.
LOCKED_ACCOUNT = "account"
LOCKED_ADDRESS = "address"


class SignInLockoutHandler(AxesDatabaseHandler):
    """django-axes' database handler, with a limit of its own for the per-address count.

    django-axes compares one number, get_failures(), with one limit, AXES_FAILURE_LIMIT.
    Each count is scaled here so that it reaches that limit exactly when it reaches its own.
    """

    def get_failures(self, request, credentials=None):
        account_limit = get_failure_limit(request, credentials)
        parameters = get_lockout_parameters(request, credentials)
        scaled = []
        for parameter, attempts in zip(parameters, self.get_user_attempts(request, credentials), strict=True):
            failures = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            if parameter == "ip_address":
                limit, rule = settings.PROXIMITE_ADDRESS_FAILURE_LIMIT, LOCKED_ADDRESS
            else:
                limit, rule = account_limit, LOCKED_ACCOUNT
            if failures >= limit and getattr(request, "sign_in_locked_by", None) != LOCKED_ACCOUNT:
                request.sign_in_locked_by = rule
            scaled.append(failures * account_limit // limit)
        return max(scaled, default=0)

    def reset_user_attempts(self, request, credentials=None):
        """A successful sign-in clears that account's failures only.

        django-axes would also clear every failure from the address, so someone spraying
        passwords could start afresh by signing in to an account of their own now and then.
        """
        username = get_client_username(request, credentials)
        count, _deleted = AccessAttempt.objects.filter(username=username).delete()
        return count
