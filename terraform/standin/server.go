package main

import (
	"context"
	"fmt"
	"regexp"
	"sync"

	"github.com/hashicorp/terraform-plugin-go/tfprotov5"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// server is one provider instance, as Terraform starts one per provider configuration.
type server struct {
	schemas  *Schemas
	forceNew ForceNew

	mu sync.Mutex
	// assumedAccount is the account of the configured assume_role.role_arn ("" when none).
	assumedAccount string
	// assumedRole is the role name of that ARN, for the caller identity's ARN.
	assumedRole string
	// configuredAccountID is the provider's account_id argument ("" when unset).
	configuredAccountID string
}

func newServer(schemas *Schemas, forceNew ForceNew) *server {
	return &server{schemas: schemas, forceNew: forceNew}
}

var regionID = regexp.MustCompile(`^[a-z]{2}(-[a-z0-9]+)+$`)
var roleARN = regexp.MustCompile(`^acs:ram::(\d{16}):role/(.+)$`)

func errorDiag(summary, detail string) []*tfprotov5.Diagnostic {
	return []*tfprotov5.Diagnostic{{Severity: tfprotov5.DiagnosticSeverityError, Summary: summary, Detail: detail}}
}

func (s *server) GetMetadata(context.Context, *tfprotov5.GetMetadataRequest) (*tfprotov5.GetMetadataResponse, error) {
	resp := &tfprotov5.GetMetadataResponse{ServerCapabilities: &tfprotov5.ServerCapabilities{}}
	for name := range s.schemas.Resources {
		resp.Resources = append(resp.Resources, tfprotov5.ResourceMetadata{TypeName: name})
	}
	for name := range s.schemas.DataSources {
		resp.DataSources = append(resp.DataSources, tfprotov5.DataSourceMetadata{TypeName: name})
	}
	return resp, nil
}

func (s *server) GetProviderSchema(context.Context, *tfprotov5.GetProviderSchemaRequest) (*tfprotov5.GetProviderSchemaResponse, error) {
	return &tfprotov5.GetProviderSchemaResponse{
		ServerCapabilities: &tfprotov5.ServerCapabilities{},
		Provider:           s.schemas.Provider,
		ResourceSchemas:    s.schemas.Resources,
		DataSourceSchemas:  s.schemas.DataSources,
	}, nil
}

func (s *server) GetResourceIdentitySchemas(context.Context, *tfprotov5.GetResourceIdentitySchemasRequest) (*tfprotov5.GetResourceIdentitySchemasResponse, error) {
	return &tfprotov5.GetResourceIdentitySchemasResponse{IdentitySchemas: map[string]*tfprotov5.ResourceIdentitySchema{}}, nil
}

// PrepareProviderConfig accepts the configuration as it is (Terraform has checked it against the schema).
func (s *server) PrepareProviderConfig(_ context.Context, req *tfprotov5.PrepareProviderConfigRequest) (*tfprotov5.PrepareProviderConfigResponse, error) {
	return &tfprotov5.PrepareProviderConfigResponse{PreparedConfig: req.Config}, nil
}

// ConfigureProvider refuses a region that is not a region ID and records the account that every
// call of this provider runs in when assume_role names a role.
func (s *server) ConfigureProvider(_ context.Context, req *tfprotov5.ConfigureProviderRequest) (*tfprotov5.ConfigureProviderResponse, error) {
	config, err := req.Config.Unmarshal(s.schemas.Provider.ValueType())
	if err != nil {
		return nil, err
	}
	attrs := objectAttributes(config)
	if region, ok := knownString(attrs["region"]); ok && !regionID.MatchString(region) {
		return &tfprotov5.ConfigureProviderResponse{Diagnostics: errorDiag(
			"Invalid provider region",
			fmt.Sprintf("region %q is not a region ID such as cn-hangzhou; the provider cannot be configured, so nothing was read or changed.", region),
		)}, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.configuredAccountID, _ = knownString(attrs["account_id"])
	for _, block := range collectionElements(attrs["assume_role"]) {
		arn, ok := knownString(objectAttributes(block)["role_arn"])
		if !ok || arn == "" {
			continue
		}
		m := roleARN.FindStringSubmatch(arn)
		if m == nil {
			return &tfprotov5.ConfigureProviderResponse{Diagnostics: errorDiag(
				"Invalid assume_role.role_arn",
				fmt.Sprintf("assume_role.role_arn %q is not a RAM role ARN (acs:ram::<account>:role/<name>).", arn),
			)}, nil
		}
		s.assumedAccount, s.assumedRole = m[1], m[2]
	}
	return &tfprotov5.ConfigureProviderResponse{}, nil
}

func (s *server) StopProvider(context.Context, *tfprotov5.StopProviderRequest) (*tfprotov5.StopProviderResponse, error) {
	return &tfprotov5.StopProviderResponse{}, nil
}

// ValidateResourceTypeConfig warns about deprecated arguments, as the real provider does (the
// schema marks them; the provider's own messages are not in it). The real provider's validators
// (enums, JSON syntax, lengths) are not reproduced.
func (s *server) ValidateResourceTypeConfig(_ context.Context, req *tfprotov5.ValidateResourceTypeConfigRequest) (*tfprotov5.ValidateResourceTypeConfigResponse, error) {
	schema, diags := s.resourceSchema(req.TypeName)
	if diags != nil {
		return &tfprotov5.ValidateResourceTypeConfigResponse{Diagnostics: diags}, nil
	}
	diags, err := deprecations(req.TypeName, schema, req.Config)
	return &tfprotov5.ValidateResourceTypeConfigResponse{Diagnostics: diags}, err
}

func (s *server) ValidateDataSourceConfig(_ context.Context, req *tfprotov5.ValidateDataSourceConfigRequest) (*tfprotov5.ValidateDataSourceConfigResponse, error) {
	schema, ok := s.schemas.DataSources[req.TypeName]
	if !ok {
		return &tfprotov5.ValidateDataSourceConfigResponse{Diagnostics: errorDiag("Unknown data source", req.TypeName+" is not in the stand-in's schema subset.")}, nil
	}
	diags, err := deprecations(req.TypeName, schema, req.Config)
	return &tfprotov5.ValidateDataSourceConfigResponse{Diagnostics: diags}, err
}

// deprecations warns once for a deprecated type and once for each deprecated argument that is set.
func deprecations(typeName string, schema *tfprotov5.Schema, config *tfprotov5.DynamicValue) ([]*tfprotov5.Diagnostic, error) {
	var diags []*tfprotov5.Diagnostic
	if schema.Block.Deprecated {
		diags = append(diags, &tfprotov5.Diagnostic{Severity: tfprotov5.DiagnosticSeverityWarning,
			Summary: "Deprecated resource type", Detail: typeName + " is deprecated in aliyun/alicloud " + providerVersion + "."})
	}
	value, err := config.Unmarshal(schema.ValueType())
	if err != nil {
		return nil, err
	}
	err = tftypes.Walk(value, func(path *tftypes.AttributePath, v tftypes.Value) (bool, error) {
		if attr := attributeAt(schema.Block, path); attr != nil && attr.Deprecated && !v.IsNull() {
			diags = append(diags, &tfprotov5.Diagnostic{Severity: tfprotov5.DiagnosticSeverityWarning,
				Summary: "Argument is deprecated", Attribute: path,
				Detail: fmt.Sprintf("%s: %q is deprecated in aliyun/alicloud %s.", typeName, attr.Name, providerVersion)})
		}
		return true, nil
	})
	return diags, err
}

// UpgradeResourceState passes the stored JSON through: every schema version here is 0.
func (s *server) UpgradeResourceState(_ context.Context, req *tfprotov5.UpgradeResourceStateRequest) (*tfprotov5.UpgradeResourceStateResponse, error) {
	schema, diags := s.resourceSchema(req.TypeName)
	if diags != nil {
		return &tfprotov5.UpgradeResourceStateResponse{Diagnostics: diags}, nil
	}
	typ := schema.ValueType()
	value, err := req.RawState.UnmarshalWithOpts(typ, tfprotov5.UnmarshalOpts{ValueFromJSONOpts: tftypes.ValueFromJSONOpts{IgnoreUndefinedAttributes: true}})
	if err != nil {
		return nil, err
	}
	upgraded, err := tfprotov5.NewDynamicValue(typ, value)
	if err != nil {
		return nil, err
	}
	return &tfprotov5.UpgradeResourceStateResponse{UpgradedState: &upgraded}, nil
}

// ReadResource returns the state unchanged: the stand-in has no cloud to compare it with (after an
// import, that is the state the import id implies; import.go).
func (s *server) ReadResource(_ context.Context, req *tfprotov5.ReadResourceRequest) (*tfprotov5.ReadResourceResponse, error) {
	if diags := s.logCall("read", req.TypeName); diags != nil {
		return &tfprotov5.ReadResourceResponse{Diagnostics: diags}, nil
	}
	return &tfprotov5.ReadResourceResponse{NewState: req.CurrentState, Private: req.Private}, nil
}

func (s *server) MoveResourceState(context.Context, *tfprotov5.MoveResourceStateRequest) (*tfprotov5.MoveResourceStateResponse, error) {
	return &tfprotov5.MoveResourceStateResponse{Diagnostics: errorDiag("Moving state between resource types is not supported", "")}, nil
}

func (s *server) UpgradeResourceIdentity(context.Context, *tfprotov5.UpgradeResourceIdentityRequest) (*tfprotov5.UpgradeResourceIdentityResponse, error) {
	return &tfprotov5.UpgradeResourceIdentityResponse{Diagnostics: errorDiag("Resource identities are not supported", "")}, nil
}

func (s *server) GenerateResourceConfig(context.Context, *tfprotov5.GenerateResourceConfigRequest) (*tfprotov5.GenerateResourceConfigResponse, error) {
	return &tfprotov5.GenerateResourceConfigResponse{Diagnostics: errorDiag("Generating configuration is not supported", "")}, nil
}

func (s *server) GetFunctions(context.Context, *tfprotov5.GetFunctionsRequest) (*tfprotov5.GetFunctionsResponse, error) {
	return &tfprotov5.GetFunctionsResponse{Functions: map[string]*tfprotov5.Function{}}, nil
}

func (s *server) CallFunction(context.Context, *tfprotov5.CallFunctionRequest) (*tfprotov5.CallFunctionResponse, error) {
	return &tfprotov5.CallFunctionResponse{Error: &tfprotov5.FunctionError{Text: "the provider has no functions"}}, nil
}

func (s *server) ValidateEphemeralResourceConfig(context.Context, *tfprotov5.ValidateEphemeralResourceConfigRequest) (*tfprotov5.ValidateEphemeralResourceConfigResponse, error) {
	return &tfprotov5.ValidateEphemeralResourceConfigResponse{Diagnostics: errorDiag("The provider has no ephemeral resources", "")}, nil
}

func (s *server) OpenEphemeralResource(context.Context, *tfprotov5.OpenEphemeralResourceRequest) (*tfprotov5.OpenEphemeralResourceResponse, error) {
	return &tfprotov5.OpenEphemeralResourceResponse{Diagnostics: errorDiag("The provider has no ephemeral resources", "")}, nil
}

func (s *server) RenewEphemeralResource(context.Context, *tfprotov5.RenewEphemeralResourceRequest) (*tfprotov5.RenewEphemeralResourceResponse, error) {
	return &tfprotov5.RenewEphemeralResourceResponse{Diagnostics: errorDiag("The provider has no ephemeral resources", "")}, nil
}

func (s *server) CloseEphemeralResource(context.Context, *tfprotov5.CloseEphemeralResourceRequest) (*tfprotov5.CloseEphemeralResourceResponse, error) {
	return &tfprotov5.CloseEphemeralResourceResponse{}, nil
}

func (s *server) resourceSchema(typeName string) (*tfprotov5.Schema, []*tfprotov5.Diagnostic) {
	schema, ok := s.schemas.Resources[typeName]
	if !ok {
		return nil, errorDiag("Unknown resource type", fmt.Sprintf("%s is not in the stand-in's schema subset.", typeName))
	}
	return schema, nil
}
