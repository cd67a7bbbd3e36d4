package questions

import (
	"reflect"
	"testing"
)

// TestTypesComplete checks that each entry of Types has every part, so
// that a type added without one fails with its name rather than a nil
// function call somewhere (TestTypesConform then exercises the parts).
func TestTypesComplete(t *testing.T) {
	for _, info := range Types {
		parts := map[string]bool{"key": info.key != nil, "credit": info.credit != nil, "format": info.format != nil,
			"validate": info.validate != nil, "fromForm": info.fromForm != nil, "fromJSON": info.fromJSON != nil}
		for name, ok := range parts {
			if !ok {
				t.Errorf("%s has no %s", info.Type, name)
			}
		}
		if info.key != nil && reflect.ValueOf(info.key(&Question{})).Kind() != reflect.Pointer {
			t.Errorf("%s: key gives no field of the question", info.Type)
		}
	}
}
