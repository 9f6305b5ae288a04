# Run by `odoo shell -d rigstream < integration_user.py` (the odoo-apikey service of compose.yaml).
# Creates the integration user the sink logs in as, with the least rights it needs (docs/security.md), an employee
# for its timesheet lines, and an API key, which it writes to /run/rigstream-secrets/odoo-api-key for the sink only.
# Idempotent: does nothing once the key file exists. `env` is given by odoo shell.
import os

KEY_FILE = "/run/rigstream-secrets/odoo-api-key"
LOGIN = "rigstream-integration"
SINK_UID = 10001

if os.path.exists(KEY_FILE):
    print("rigstream: API key already issued; nothing to do")
else:
    groups = [
        env.ref("base.group_user"),                           # Internal User: read projects, external ids
        env.ref("maintenance.group_equipment_manager"),       # create and update maintenance requests, read equipment
        env.ref("hr_timesheet.group_hr_timesheet_approver"),  # Timesheets / User: all timesheets
    ]
    Users = env["res.users"].with_context(no_reset_password=True)
    user = Users.search([("login", "=", LOGIN)], limit=1)
    if not user:
        user = Users.create({
            "name": "rigstream integration",
            "login": LOGIN,
            "groups_id": [(6, 0, [g.id for g in groups])],
        })
    if not env["hr.employee"].search([("user_id", "=", user.id)], limit=1):
        env["hr.employee"].create({"name": "rigstream integration", "user_id": user.id})
    apikeys = env["res.users.apikeys"].with_user(user)
    try:
        key = apikeys._generate(None, "rigstream sink")
    except TypeError:  # Odoo 18 added an expiration date
        key = apikeys._generate(None, "rigstream sink", None)
    env.cr.commit()
    os.makedirs(os.path.dirname(KEY_FILE), exist_ok=True)
    with open(KEY_FILE, "w") as f:
        f.write(key)
    os.chown(KEY_FILE, SINK_UID, SINK_UID)
    os.chmod(KEY_FILE, 0o400)
    print("rigstream: integration user %s ready; API key written to %s" % (LOGIN, KEY_FILE))
