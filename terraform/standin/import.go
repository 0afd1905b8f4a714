package main

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-go/tfprotov5"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// What the stand-in pretends on import: the object exists, and its state is what the import id
// implies, nothing more. The real provider's Read fills the rest from the cloud (the trust or policy
// document, descriptions, a user's name when imported by user id); the stand-in has no cloud, so
// those stay null and the next plan shows them as in-place updates to the configuration. The id
// formats are the provider's (docs/adopt.md): every type here imports with ImportStatePassthrough.

var userIDForm = regexp.MustCompile(`^\d+$`)

// importedArguments are the arguments an import id implies, or an error naming the expected form.
func importedArguments(typeName, id string) (map[string]string, error) {
	attachment := func(kind, holder string) (map[string]string, error) {
		parts := strings.Split(id, ":")
		if len(parts) != 4 || parts[0] != kind || parts[1] == "" || parts[3] == "" || (parts[2] != "System" && parts[2] != "Custom") {
			return nil, fmt.Errorf("import id %q is not %s:<policy_name>:<System|Custom>:<%s>", id, kind, holder)
		}
		return map[string]string{"policy_name": parts[1], "policy_type": parts[2], holder: parts[3]}, nil
	}
	if id == "" {
		return nil, fmt.Errorf("the import id is empty")
	}
	switch typeName {
	case "alicloud_ram_role":
		return map[string]string{"role_name": id, "name": id}, nil
	case "alicloud_ram_policy":
		return map[string]string{"policy_name": id, "name": id}, nil
	case "alicloud_ram_group":
		return map[string]string{"group_name": id, "name": id}, nil
	case "alicloud_ram_group_membership":
		return map[string]string{"group_name": id}, nil
	case "alicloud_ram_user":
		if userIDForm.MatchString(id) {
			return map[string]string{}, nil // by UserId: the name is in the cloud only
		}
		return map[string]string{"name": id}, nil // the provider also accepts the user name
	case "alicloud_ram_user_group_attachment":
		parts := strings.Split(id, ":")
		if len(parts) != 2 || parts[0] == "" || parts[1] == "" {
			return nil, fmt.Errorf("import id %q is not <group_name>:<user_name>", id)
		}
		return map[string]string{"group_name": parts[0], "user_name": parts[1]}, nil
	case "alicloud_ram_role_policy_attachment":
		return attachment("role", "role_name")
	case "alicloud_ram_user_policy_attachment":
		return attachment("user", "user_name")
	case "alicloud_ram_group_policy_attachment":
		return attachment("group", "group_name")
	}
	return nil, fmt.Errorf("the stand-in imports only the RAM types the constructs adopt, not %s", typeName)
}

// ImportResourceState returns the state the import id implies (see above), with the computed
// attributes formed as on create; an id of the wrong form is refused, as the provider's Read would.
func (s *server) ImportResourceState(_ context.Context, req *tfprotov5.ImportResourceStateRequest) (*tfprotov5.ImportResourceStateResponse, error) {
	schema, diags := s.resourceSchema(req.TypeName)
	if diags != nil {
		return &tfprotov5.ImportResourceStateResponse{Diagnostics: diags}, nil
	}
	if diags := s.logCall("import", req.TypeName); diags != nil {
		return &tfprotov5.ImportResourceStateResponse{Diagnostics: diags}, nil
	}
	arguments, err := importedArguments(req.TypeName, req.ID)
	if err != nil {
		return &tfprotov5.ImportResourceStateResponse{Diagnostics: errorDiag("Cannot import "+req.TypeName, err.Error())}, nil
	}
	account, diags := s.account()
	if diags != nil {
		return &tfprotov5.ImportResourceStateResponse{Diagnostics: diags}, nil
	}
	typ := schema.ValueType()
	attrs := map[string]tftypes.Value{}
	for name, t := range typ.(tftypes.Object).AttributeTypes {
		attrs[name] = tftypes.NewValue(t, nil)
	}
	for name, value := range arguments {
		attrs[name] = tftypes.NewValue(tftypes.String, value)
	}
	for name, value := range computedValues(req.TypeName, attrs, account) {
		if current, ok := attrs[name]; ok && current.IsNull() {
			attrs[name] = tftypes.NewValue(current.Type(), value)
		}
	}
	if req.TypeName == "alicloud_ram_user" && userIDForm.MatchString(req.ID) {
		attrs["id"] = tftypes.NewValue(tftypes.String, req.ID)
	}
	state, err := encodeKnown(typ, attrs, false)
	if err != nil {
		return nil, err
	}
	return &tfprotov5.ImportResourceStateResponse{ImportedResources: []*tfprotov5.ImportedResource{{TypeName: req.TypeName, State: state}}}, nil
}
