// Command terraform-provider-alicloud is the project's stand-in for the aliyun/alicloud Terraform
// provider at version 1.289.0. It lets CI run real Terraform core (init, validate, plan, apply,
// destroy) on the synthesized stacks without the real provider or any cloud:
//
//   - GetProviderSchema serves the committed schema subset (schema/alicloud-provider-schema.json,
//     embedded at build time), so Terraform checks names, types and references as with the real one;
//   - PlanResourceChange plans the proposed new state, leaves computed attributes unknown on
//     create, and asks for replacement when an attribute the real provider marks ForceNew changes
//     (force-new.json, which cites the provider source for each);
//   - ApplyResourceChange fills the computed attributes (ids, ARNs) the way the real provider does;
//   - ReadDataSource answers alicloud_caller_identity with the account of the call: the account of
//     the provider's assume_role.role_arn when set, else ALICLOUD_STANDIN_ACCOUNT_ID, read afresh;
//   - it keeps no state of its own: Terraform's state holds everything.
//
// When ALICLOUD_STANDIN_CALL_LOG names a file, every call that would reach the cloud is appended to
// it as one JSON line with the account it runs in, so tests can see which account an operation used.
//
// It cannot show the provider's own validation, the API's behaviour or the cloud's normalization
// of documents; see the README section "What the Terraform stand-in proves".
package main

import (
	"log"

	"github.com/hashicorp/terraform-plugin-go/tfprotov5"
	"github.com/hashicorp/terraform-plugin-go/tfprotov5/tf5server"
)

// providerAddress is the registry address the stand-in answers for, and providerVersion the
// release whose schema it serves.
const (
	providerAddress = "registry.terraform.io/aliyun/alicloud"
	providerVersion = "1.289.0"
)

func main() {
	schemas, err := loadSchemas()
	if err != nil {
		log.Fatalf("alicloud stand-in: %v", err)
	}
	forceNew, err := loadForceNew()
	if err != nil {
		log.Fatalf("alicloud stand-in: %v", err)
	}
	factory := func() tfprotov5.ProviderServer { return newServer(schemas, forceNew) }
	if err := tf5server.Serve(providerAddress, factory); err != nil {
		log.Fatalf("alicloud stand-in: %v", err)
	}
}
