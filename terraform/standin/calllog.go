package main

import (
	"encoding/json"
	"os"

	"github.com/hashicorp/terraform-plugin-go/tfprotov5"
)

// callLogEnv names an optional file to which every call that would reach the cloud is appended.
const callLogEnv = "ALICLOUD_STANDIN_CALL_LOG"

// logCall appends {"op","type","account"} to the call log, if one is configured. The account is
// the one the call runs in; when no account is known the entry says so instead of failing.
func (s *server) logCall(op, typeName string) []*tfprotov5.Diagnostic {
	path := os.Getenv(callLogEnv)
	if path == "" {
		return nil
	}
	account, diags := s.account()
	if diags != nil {
		account = "unknown"
	}
	line, _ := json.Marshal(map[string]string{"op": op, "type": typeName, "account": account})
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return errorDiag("Cannot write the stand-in's call log", err.Error())
	}
	defer f.Close()
	if _, err := f.Write(append(line, '\n')); err != nil {
		return errorDiag("Cannot write the stand-in's call log", err.Error())
	}
	return nil
}
