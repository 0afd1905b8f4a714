package main

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/hashicorp/terraform-plugin-go/tfprotov5"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// schemaJSON is `terraform providers schema -json` output for the subset the library uses; the
// build script copies schema/alicloud-provider-schema.json next to the sources before building.
//
//go:embed alicloud-provider-schema.json
var schemaJSON []byte

// Schemas are the provider block, resource and data source schemas, in protocol form.
type Schemas struct {
	Provider    *tfprotov5.Schema
	Resources   map[string]*tfprotov5.Schema
	DataSources map[string]*tfprotov5.Schema
}

type jsonSchemaFile struct {
	ProviderSchemas map[string]struct {
		Provider          jsonSchema            `json:"provider"`
		ResourceSchemas   map[string]jsonSchema `json:"resource_schemas"`
		DataSourceSchemas map[string]jsonSchema `json:"data_source_schemas"`
	} `json:"provider_schemas"`
}

type jsonSchema struct {
	Version int64     `json:"version"`
	Block   jsonBlock `json:"block"`
}

type jsonBlock struct {
	Attributes  map[string]jsonAttribute   `json:"attributes"`
	BlockTypes  map[string]jsonNestedBlock `json:"block_types"`
	Description string                     `json:"description"`
	Deprecated  bool                       `json:"deprecated"`
}

type jsonAttribute struct {
	Type        json.RawMessage `json:"type"`
	Description string          `json:"description"`
	Required    bool            `json:"required"`
	Optional    bool            `json:"optional"`
	Computed    bool            `json:"computed"`
	Sensitive   bool            `json:"sensitive"`
	Deprecated  bool            `json:"deprecated"`
}

type jsonNestedBlock struct {
	NestingMode string    `json:"nesting_mode"`
	Block       jsonBlock `json:"block"`
	MinItems    int64     `json:"min_items"`
	MaxItems    int64     `json:"max_items"`
}

var nestingModes = map[string]tfprotov5.SchemaNestedBlockNestingMode{
	"single": tfprotov5.SchemaNestedBlockNestingModeSingle,
	"list":   tfprotov5.SchemaNestedBlockNestingModeList,
	"set":    tfprotov5.SchemaNestedBlockNestingModeSet,
	"map":    tfprotov5.SchemaNestedBlockNestingModeMap,
	"group":  tfprotov5.SchemaNestedBlockNestingModeGroup,
}

func loadSchemas() (*Schemas, error) {
	var file jsonSchemaFile
	if err := json.Unmarshal(schemaJSON, &file); err != nil {
		return nil, fmt.Errorf("embedded schema: %w", err)
	}
	p, ok := file.ProviderSchemas[providerAddress]
	if !ok {
		return nil, fmt.Errorf("embedded schema has no %s", providerAddress)
	}
	provider, err := convertSchema(p.Provider)
	if err != nil {
		return nil, fmt.Errorf("provider block: %w", err)
	}
	out := &Schemas{Provider: provider, Resources: map[string]*tfprotov5.Schema{}, DataSources: map[string]*tfprotov5.Schema{}}
	for name, s := range p.ResourceSchemas {
		if out.Resources[name], err = convertSchema(s); err != nil {
			return nil, fmt.Errorf("resource %s: %w", name, err)
		}
	}
	for name, s := range p.DataSourceSchemas {
		if out.DataSources[name], err = convertSchema(s); err != nil {
			return nil, fmt.Errorf("data source %s: %w", name, err)
		}
	}
	return out, nil
}

func convertSchema(s jsonSchema) (*tfprotov5.Schema, error) {
	block, err := convertBlock(s.Block)
	if err != nil {
		return nil, err
	}
	block.Version = s.Version
	return &tfprotov5.Schema{Version: s.Version, Block: block}, nil
}

func convertBlock(b jsonBlock) (*tfprotov5.SchemaBlock, error) {
	out := &tfprotov5.SchemaBlock{Description: b.Description, DescriptionKind: tfprotov5.StringKindPlain, Deprecated: b.Deprecated}
	for _, name := range sortedKeys(b.Attributes) {
		a := b.Attributes[name]
		typ, err := tftypes.ParseJSONType(a.Type)
		if err != nil {
			return nil, fmt.Errorf("attribute %s: %w", name, err)
		}
		out.Attributes = append(out.Attributes, &tfprotov5.SchemaAttribute{
			Name: name, Type: typ, Description: a.Description, DescriptionKind: tfprotov5.StringKindPlain,
			Required: a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive, Deprecated: a.Deprecated,
		})
	}
	for _, name := range sortedKeys(b.BlockTypes) {
		nb := b.BlockTypes[name]
		mode, ok := nestingModes[nb.NestingMode]
		if !ok {
			return nil, fmt.Errorf("block %s: unknown nesting mode %q", name, nb.NestingMode)
		}
		inner, err := convertBlock(nb.Block)
		if err != nil {
			return nil, fmt.Errorf("block %s: %w", name, err)
		}
		out.BlockTypes = append(out.BlockTypes, &tfprotov5.SchemaNestedBlock{
			TypeName: name, Block: inner, Nesting: mode, MinItems: nb.MinItems, MaxItems: nb.MaxItems,
		})
	}
	return out, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// attributeAt returns the schema attribute that a value path names exactly (nil for blocks, for
// elements of collections and for anything inside an attribute's value).
func attributeAt(block *tfprotov5.SchemaBlock, path *tftypes.AttributePath) *tfprotov5.SchemaAttribute {
	steps := path.Steps()
	for i := 0; i < len(steps); i++ {
		name, ok := steps[i].(tftypes.AttributeName)
		if !ok {
			return nil
		}
		if attr := findAttribute(block, string(name)); attr != nil {
			if i == len(steps)-1 {
				return attr
			}
			return nil
		}
		nested := findBlock(block, string(name))
		if nested == nil {
			return nil
		}
		block = nested.Block
		if nested.Nesting != tfprotov5.SchemaNestedBlockNestingModeSingle && nested.Nesting != tfprotov5.SchemaNestedBlockNestingModeGroup {
			i++ // the element key of a list, set or map block
		}
	}
	return nil
}

func findAttribute(block *tfprotov5.SchemaBlock, name string) *tfprotov5.SchemaAttribute {
	for _, a := range block.Attributes {
		if a.Name == name {
			return a
		}
	}
	return nil
}

func findBlock(block *tfprotov5.SchemaBlock, name string) *tfprotov5.SchemaNestedBlock {
	for _, b := range block.BlockTypes {
		if b.TypeName == name {
			return b
		}
	}
	return nil
}
