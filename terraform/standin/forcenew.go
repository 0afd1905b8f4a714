package main

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
)

// forceNewJSON is force-new.json: the attributes whose change plans a replacement, with sources.
//
//go:embed force-new.json
var forceNewJSON []byte

// ForceNew maps a resource type to the dotted attribute paths that force its replacement.
type ForceNew map[string][][]string

func loadForceNew() (ForceNew, error) {
	var file struct {
		ForceNew map[string]map[string]string `json:"forceNew"`
	}
	if err := json.Unmarshal(forceNewJSON, &file); err != nil {
		return nil, fmt.Errorf("force-new.json: %w", err)
	}
	out := ForceNew{}
	for typ, attrs := range file.ForceNew {
		for _, path := range sortedKeys(attrs) {
			out[typ] = append(out[typ], strings.Split(path, "."))
		}
	}
	return out, nil
}
