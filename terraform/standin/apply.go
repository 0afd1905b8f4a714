package main

import (
	"context"
	"fmt"
	"hash/fnv"
	"math/big"

	"github.com/hashicorp/terraform-plugin-go/tfprotov5"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// createTime is the fixed creation time the stand-in reports, so runs are reproducible.
const createTime = "2026-01-01T00:00:00Z"

// aliases are pairs of attributes where the real provider fills one from the other (a current
// name and its deprecated form): when one is unknown after planning, it takes the other's value.
var aliases = map[string][][2]string{
	"alicloud_ram_role":    {{"role_name", "name"}, {"assume_role_policy_document", "document"}},
	"alicloud_ram_policy":  {{"policy_name", "name"}, {"policy_document", "document"}},
	"alicloud_ram_group":   {{"group_name", "name"}},
	"alicloud_log_project": {{"project_name", "name"}},
	"alicloud_log_store":   {{"logstore_name", "name"}, {"project_name", "project"}},
}

// ApplyResourceChange stores the planned state with its unknown attributes filled in: ids and
// ARNs as the real provider forms them, fixed values for the rest. Deletes store null.
func (s *server) ApplyResourceChange(_ context.Context, req *tfprotov5.ApplyResourceChangeRequest) (*tfprotov5.ApplyResourceChangeResponse, error) {
	schema, diags := s.resourceSchema(req.TypeName)
	if diags != nil {
		return &tfprotov5.ApplyResourceChangeResponse{Diagnostics: diags}, nil
	}
	typ := schema.ValueType()
	prior, err := req.PriorState.Unmarshal(typ)
	if err != nil {
		return nil, err
	}
	planned, err := req.PlannedState.Unmarshal(typ)
	if err != nil {
		return nil, err
	}
	op := "update"
	switch {
	case planned.IsNull():
		op = "delete"
	case prior.IsNull():
		op = "create"
	}
	if diags := s.logCall(op, req.TypeName); diags != nil {
		return &tfprotov5.ApplyResourceChangeResponse{Diagnostics: diags}, nil
	}
	if planned.IsNull() {
		return &tfprotov5.ApplyResourceChangeResponse{NewState: req.PlannedState, Private: req.PlannedPrivate}, nil
	}
	account, diags := s.account()
	if diags != nil {
		return &tfprotov5.ApplyResourceChangeResponse{Diagnostics: diags}, nil
	}
	attrs := objectAttributes(planned)
	for _, pair := range aliases[req.TypeName] {
		fillFrom(attrs, pair[0], pair[1])
		fillFrom(attrs, pair[1], pair[0])
	}
	for name, value := range computedValues(req.TypeName, attrs, account) {
		if current, ok := attrs[name]; ok && !current.IsKnown() {
			attrs[name] = tftypes.NewValue(current.Type(), value)
		}
	}
	state, err := encodeKnown(typ, attrs, false)
	if err != nil {
		return nil, err
	}
	return &tfprotov5.ApplyResourceChangeResponse{NewState: state, Private: req.PlannedPrivate}, nil
}

func fillFrom(attrs map[string]tftypes.Value, target, source string) {
	t, ok := attrs[target]
	if !ok || t.IsKnown() {
		return
	}
	if value, ok := knownString(attrs[source]); ok {
		attrs[target] = tftypes.NewValue(t.Type(), value)
	}
}

// computedValues are the computed attributes of a new object, as the real provider documents them.
func computedValues(typeName string, attrs map[string]tftypes.Value, account string) map[string]interface{} {
	get := func(name string) string {
		v, _ := knownString(attrs[name])
		return v
	}
	switch typeName {
	case "alicloud_ram_role":
		name := get("role_name")
		return map[string]interface{}{
			"id": name, "arn": fmt.Sprintf("acs:ram::%s:role/%s", account, name),
			"role_id": numericID(account + "/role/" + name), "create_time": createTime,
		}
	case "alicloud_ram_policy":
		return map[string]interface{}{
			"id": get("policy_name"), "type": "Custom", "default_version": "v1", "version_id": "v1",
			"attachment_count": big.NewFloat(0), "create_time": createTime,
		}
	case "alicloud_ram_role_policy_attachment":
		return map[string]interface{}{"id": fmt.Sprintf("role:%s:%s:%s", get("policy_name"), get("policy_type"), get("role_name"))}
	case "alicloud_ram_user_policy_attachment":
		return map[string]interface{}{"id": fmt.Sprintf("user:%s:%s:%s", get("policy_name"), get("policy_type"), get("user_name"))}
	case "alicloud_ram_group_policy_attachment":
		return map[string]interface{}{"id": fmt.Sprintf("group:%s:%s:%s", get("policy_name"), get("policy_type"), get("group_name"))}
	case "alicloud_ram_user":
		return map[string]interface{}{"id": numericID(account + "/user/" + get("name"))}
	case "alicloud_ram_group":
		return map[string]interface{}{"id": get("group_name"), "create_time": createTime}
	case "alicloud_ram_group_membership":
		return map[string]interface{}{"id": get("group_name")}
	case "alicloud_ram_user_group_attachment":
		return map[string]interface{}{"id": fmt.Sprintf("%s:%s", get("group_name"), get("user_name"))}
	case "alicloud_ram_login_profile":
		return map[string]interface{}{"id": get("user_name"), "create_time": createTime}
	case "alicloud_ram_account_alias":
		return map[string]interface{}{"id": account}
	case "alicloud_log_project":
		return map[string]interface{}{"id": get("project_name"), "status": "Normal", "create_time": createTime}
	case "alicloud_log_store":
		return map[string]interface{}{"id": fmt.Sprintf("%s:%s", get("project_name"), get("logstore_name")), "create_time": big.NewFloat(1767225600)}
	}
	return nil
}

// numericID is a stable 16-digit id, like the RoleId and UserId the API assigns.
func numericID(key string) string {
	h := fnv.New64a()
	_, _ = h.Write([]byte(key))
	return fmt.Sprintf("3%015d", h.Sum64()%1_000_000_000_000_000)
}
