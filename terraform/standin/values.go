package main

import (
	"math/big"

	"github.com/hashicorp/terraform-plugin-go/tfprotov5"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// encodeKnown encodes an object for the protocol with every unknown value replaced by its zero
// value (and, with emptyLists, every null list by an empty one): what apply and reads return.
func encodeKnown(typ tftypes.Type, attrs map[string]tftypes.Value, emptyLists bool) (*tfprotov5.DynamicValue, error) {
	filled, err := tftypes.Transform(tftypes.NewValue(typ, attrs), func(_ *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if !v.IsKnown() || (emptyLists && v.IsNull() && v.Type().Is(tftypes.List{})) {
			return zeroValue(v.Type()), nil
		}
		return v, nil
	})
	if err != nil {
		return nil, err
	}
	dv, err := tfprotov5.NewDynamicValue(typ, filled)
	return &dv, err
}

// objectAttributes returns the attributes of a known, non-null object (nil otherwise).
func objectAttributes(v tftypes.Value) map[string]tftypes.Value {
	if !v.IsKnown() || v.IsNull() {
		return nil
	}
	var m map[string]tftypes.Value
	if err := v.As(&m); err != nil {
		return nil
	}
	return m
}

// collectionElements returns the elements of a known list or set (nil otherwise).
func collectionElements(v tftypes.Value) []tftypes.Value {
	if !v.IsKnown() || v.IsNull() {
		return nil
	}
	var elems []tftypes.Value
	if err := v.As(&elems); err != nil {
		return nil
	}
	return elems
}

// knownString returns a known, non-null string value.
func knownString(v tftypes.Value) (string, bool) {
	if v.Type() == nil || !v.IsKnown() || v.IsNull() || !v.Type().Is(tftypes.String) {
		return "", false
	}
	var s string
	if err := v.As(&s); err != nil {
		return "", false
	}
	return s, true
}

// zeroValue is what apply stores for a computed attribute the stand-in has no rule for.
func zeroValue(t tftypes.Type) tftypes.Value {
	switch {
	case t.Is(tftypes.String):
		return tftypes.NewValue(t, "")
	case t.Is(tftypes.Number):
		return tftypes.NewValue(t, big.NewFloat(0))
	case t.Is(tftypes.Bool):
		return tftypes.NewValue(t, false)
	case t.Is(tftypes.List{}), t.Is(tftypes.Set{}):
		return tftypes.NewValue(t, []tftypes.Value{})
	case t.Is(tftypes.Map{}):
		return tftypes.NewValue(t, map[string]tftypes.Value{})
	default:
		return tftypes.NewValue(t, nil)
	}
}

// valuesAt collects the values at a dotted path, descending through every element of lists and sets.
func valuesAt(v tftypes.Value, path []string) []tftypes.Value {
	if len(path) == 0 {
		return []tftypes.Value{v}
	}
	if elems := collectionElements(v); elems != nil {
		var out []tftypes.Value
		for _, e := range elems {
			out = append(out, valuesAt(e, path)...)
		}
		return out
	}
	attrs := objectAttributes(v)
	if attrs == nil {
		return nil
	}
	child, ok := attrs[path[0]]
	if !ok {
		return nil
	}
	return valuesAt(child, path[1:])
}

func sameValues(a, b []tftypes.Value) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].Equal(b[i]) {
			return false
		}
	}
	return true
}
