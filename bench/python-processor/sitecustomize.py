# Loaded by the Python processor in bench/pennsieve.sh (PYTHONPATH): Debian's botocore ignores
# AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER (spec pennsieve-import §5), so the cognito-idp client is
# pointed at it here, to reach the fake Cognito like the AWS SDKs that honour the variable.
import os

import boto3

_create_client = boto3.client


def _client(service, *args, **kwargs):
    endpoint = os.environ.get("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER")
    if service == "cognito-idp" and endpoint:
        kwargs.setdefault("endpoint_url", endpoint)
    return _create_client(service, *args, **kwargs)


boto3.client = _client
