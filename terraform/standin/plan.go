package main

import (
	"context"

	"github.com/hashicorp/terraform-plugin-go/tfprotov5"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// PlanResourceChange plans the proposed new state. On create, every computed attribute the
// configuration leaves null is unknown until apply. On update, a change of a ForceNew attribute
// asks for replacement (Terraform then plans the create half again with a null prior state).
func (s *server) PlanResourceChange(_ context.Context, req *tfprotov5.PlanResourceChangeRequest) (*tfprotov5.PlanResourceChangeResponse, error) {
	schema, diags := s.resourceSchema(req.TypeName)
	if diags != nil {
		return &tfprotov5.PlanResourceChangeResponse{Diagnostics: diags}, nil
	}
	typ := schema.ValueType()
	prior, err := req.PriorState.Unmarshal(typ)
	if err != nil {
		return nil, err
	}
	proposed, err := req.ProposedNewState.Unmarshal(typ)
	if err != nil {
		return nil, err
	}
	resp := &tfprotov5.PlanResourceChangeResponse{PlannedState: req.ProposedNewState, PlannedPrivate: req.PriorPrivate}
	if proposed.IsNull() {
		return resp, nil // destroy
	}
	if prior.IsNull() {
		planned, err := tftypes.Transform(proposed, func(path *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
			if attr := attributeAt(schema.Block, path); attr != nil && attr.Computed && v.IsNull() {
				return tftypes.NewValue(v.Type(), tftypes.UnknownValue), nil
			}
			return v, nil
		})
		if err != nil {
			return nil, err
		}
		dv, err := tfprotov5.NewDynamicValue(typ, planned)
		if err != nil {
			return nil, err
		}
		resp.PlannedState = &dv
		return resp, nil
	}
	for _, path := range s.forceNew[req.TypeName] {
		if !sameValues(valuesAt(prior, path), valuesAt(proposed, path)) {
			resp.RequiresReplace = append(resp.RequiresReplace, tftypes.NewAttributePath().WithAttributeName(path[0]))
		}
	}
	return resp, nil
}
