#!/usr/bin/env python
"""Scenario 4 in Python: partner read-only access, and its revocation.

Account A (the owner) gives account B read-only access to its ECS inventory: role
Partner-ReadOnly-Access with AliyunECSReadOnlyAccess, trusted by B; B's user Bob may assume
exactly that role. PARTNER_ACCESS=revoked makes the role trust no one. The same app as the
TypeScript example examples/partner-readonly, with the same variables and defaults.
"""
import os
import re
import sys

from cdktf import App
from cdktf_alicloud_cross_account import (
    AccountStack,
    AssumeRoleUserGrant,
    CrossAccountRole,
    FindingId,
    Findings,
    RamUserSpec,
)

# Example defaults: clearly fake account IDs that synthesize but can never deploy by accident.
DEFAULTS = {
    "OWNER_ACCOUNT_ID": "1000000000000001",
    "PARTNER_ACCOUNT_ID": "2000000000000002",
    "ALICLOUD_REGION": "cn-hangzhou",
}
ROLE_NAME = "Partner-ReadOnly-Access"


def setting(name, rule, text):
    """A variable (or its default), or None when unset; exits naming it when it is malformed."""
    value = os.environ.get(name, "").strip() or DEFAULTS.get(name)
    if value is not None and not re.fullmatch(rule, value):
        sys.exit(f'Invalid environment: {name} "{value}" is not {text}')
    return value


account = "a 16-digit Alibaba Cloud account ID"
owner_id = setting("OWNER_ACCOUNT_ID", r"\d{16}", account)
partner_id = setting("PARTNER_ACCOUNT_ID", r"\d{16}", account)
region = setting("ALICLOUD_REGION", r"[a-z]{2}(-[a-z0-9]+)+", "a region ID such as cn-hangzhou")
profile = r"[A-Za-z0-9._-]{1,64}"
profile_text = 'a CLI profile name (letters, digits, ".", "_" and "-")'
revoked = setting("PARTNER_ACCESS", r"granted|revoked", '"granted" or "revoked"') == "revoked"
if owner_id == partner_id:
    sys.exit(
        f'Invalid environment: PARTNER_ACCOUNT_ID "{partner_id}" equals OWNER_ACCOUNT_ID'
        " (cross-account access needs two accounts)"
    )

app = App()

# Account A: the role B may assume, with the system policy it needs and nothing more.
owner = AccountStack(
    app, "owner", account_id=owner_id, region=region, profile=setting("OWNER_PROFILE", profile, profile_text)
)
role = CrossAccountRole(
    owner,
    "partner-readonly",
    role_name=ROLE_NAME,
    owner_account_id=owner_id,
    trusted_account_ids=[] if revoked else [partner_id],
    revoked=revoked,
    description=f"Account {partner_id} reads the ECS inventory of this account",
    system_policies=["AliyunECSReadOnlyAccess"],
)
Findings.acknowledge(
    role,
    FindingId.TRUST_NO_CONDITION,
    "as in the scenario: company B decides which of its users may assume the role",
    content=f"acs:ram::{partner_id}:root",
)

# Account B: its user Bob may assume exactly that role.
partner = AccountStack(
    app, "partner", account_id=partner_id, region=region, profile=setting("PARTNER_PROFILE", profile, profile_text)
)
AssumeRoleUserGrant(
    partner,
    "bob",
    role_arn=CrossAccountRole.arn_of(owner_id, ROLE_NAME),
    users=[RamUserSpec(user_name="Bob")],
)

app.synth()
