package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"

	"github.com/hashicorp/terraform-plugin-go/tfprotov5"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// accountEnv names the variable holding the account of the credentials the stand-in pretends to have.
const accountEnv = "ALICLOUD_STANDIN_ACCOUNT_ID"

var accountID = regexp.MustCompile(`^\d{16}$`)

// account is the account every call of this provider runs in: the assume_role.role_arn account
// when one is configured, else the credentials' account from ALICLOUD_STANDIN_ACCOUNT_ID, read
// afresh on every call.
func (s *server) account() (string, []*tfprotov5.Diagnostic) {
	s.mu.Lock()
	assumed := s.assumedAccount
	s.mu.Unlock()
	if assumed != "" {
		return assumed, nil
	}
	value := os.Getenv(accountEnv)
	if value == "" {
		return "", errorDiag("No credentials for the stand-in",
			accountEnv+" is not set: set it to the 16-digit account the stand-in's credentials belong to (or configure assume_role).")
	}
	if !accountID.MatchString(value) {
		return "", errorDiag("Invalid stand-in account", fmt.Sprintf("%s %q is not a 16-digit account ID.", accountEnv, value))
	}
	return value, nil
}

// ReadDataSource answers the data sources of the subset; alicloud_caller_identity reports the
// account of the call, which is what the account guard checks.
func (s *server) ReadDataSource(_ context.Context, req *tfprotov5.ReadDataSourceRequest) (*tfprotov5.ReadDataSourceResponse, error) {
	schema, ok := s.schemas.DataSources[req.TypeName]
	if !ok {
		return &tfprotov5.ReadDataSourceResponse{Diagnostics: errorDiag("Unknown data source", req.TypeName+" is not in the stand-in's schema subset.")}, nil
	}
	if diags := s.logCall("read-data", req.TypeName); diags != nil {
		return &tfprotov5.ReadDataSourceResponse{Diagnostics: diags}, nil
	}
	typ := schema.ValueType()
	config, err := req.Config.Unmarshal(typ)
	if err != nil {
		return nil, err
	}
	account, diags := s.account()
	if diags != nil {
		return &tfprotov5.ReadDataSourceResponse{Diagnostics: diags}, nil
	}
	attrs := objectAttributes(config)
	s.mu.Lock()
	role, configured := s.assumedRole, s.configuredAccountID
	s.mu.Unlock()
	set := func(name string, value interface{}) {
		if current, ok := attrs[name]; ok && (current.IsNull() || !current.IsKnown()) {
			attrs[name] = tftypes.NewValue(current.Type(), value)
		}
	}
	switch req.TypeName {
	case "alicloud_caller_identity":
		set("account_id", account)
		if role != "" {
			set("arn", fmt.Sprintf("acs:ram::%s:role/%s/terraform", account, role))
			set("identity_type", "AssumedRoleUser")
			set("id", numericID(account+"/role/"+role)+":terraform")
		} else {
			set("arn", fmt.Sprintf("acs:ram::%s:root", account))
			set("identity_type", "Account")
			set("id", account)
		}
	case "alicloud_account":
		if configured != "" {
			account = configured // the real data source echoes the provider's account_id
		}
		set("id", account)
	case "alicloud_ram_policy_document":
		document, err := policyDocument(attrs)
		if err != nil {
			return nil, err
		}
		set("document", document)
		set("id", numericID(document))
	}
	state, err := encodeKnown(typ, attrs, true) // computed lists such as ids, names, roles: empty
	if err != nil {
		return nil, err
	}
	return &tfprotov5.ReadDataSourceResponse{State: state}, nil
}

// policyDocument renders alicloud_ram_policy_document's statements as the real data source does:
// one-element lists become strings and principal identifiers are reverse-sorted.
func policyDocument(attrs map[string]tftypes.Value) (string, error) {
	one := func(values []string) interface{} {
		if len(values) == 1 {
			return values[0]
		}
		return values
	}
	strs := func(v tftypes.Value) []string {
		var out []string
		for _, e := range collectionElements(v) {
			if s, ok := knownString(e); ok {
				out = append(out, s)
			}
		}
		return out
	}
	var statements []map[string]interface{}
	for _, st := range collectionElements(attrs["statement"]) {
		a := objectAttributes(st)
		effect, ok := knownString(a["effect"])
		if !ok {
			effect = "Allow"
		}
		out := map[string]interface{}{"Effect": effect, "Action": one(strs(a["action"]))}
		if r := strs(a["resource"]); len(r) > 0 {
			out["Resource"] = one(r)
		}
		principals := map[string]interface{}{}
		for _, p := range collectionElements(a["principal"]) {
			pa := objectAttributes(p)
			entity, _ := knownString(pa["entity"])
			ids := strs(pa["identifiers"])
			sort.Sort(sort.Reverse(sort.StringSlice(ids)))
			principals[entity] = ids
		}
		if len(principals) > 0 {
			out["Principal"] = principals
		}
		conditions := map[string]map[string]interface{}{}
		for _, c := range collectionElements(a["condition"]) {
			ca := objectAttributes(c)
			operator, _ := knownString(ca["operator"])
			variable, _ := knownString(ca["variable"])
			if conditions[operator] == nil {
				conditions[operator] = map[string]interface{}{}
			}
			conditions[operator][variable] = one(strs(ca["values"]))
		}
		if len(conditions) > 0 {
			out["Condition"] = conditions
		}
		statements = append(statements, out)
	}
	version, ok := knownString(attrs["version"])
	if !ok {
		version = "1"
	}
	b, err := json.Marshal(map[string]interface{}{"Statement": statements, "Version": version})
	return string(b), err
}
