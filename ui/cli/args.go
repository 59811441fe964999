package cli

import (
	"strconv"
	"strings"

	"github.com/spf13/cobra"
)

// noArgs refuses positional arguments with a usage error.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("%s takes no arguments, got %q", cmd.Name(), args)
	}
	return nil
}

// exactArgs wants n positional arguments and says what they are otherwise.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef("%s needs %s, got %d argument(s)", strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" "), what, len(args))
		}
		return nil
	}
}

// minArgs wants at least one positional argument.
func minArgs(what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return usagef("%s needs %s", cmd.Name(), what)
		}
		return nil
	}
}

// oneOf checks a flag's value against the values it takes.
func oneOf(flag, value string, values ...string) error {
	for _, v := range values {
		if value == v {
			return nil
		}
	}
	return usagef("--%s takes one of %q, got %q", flag, values, value)
}

// parseID reads an article ID.
func parseID(arg string) (int64, error) {
	id, err := strconv.ParseInt(arg, 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("article ID %q is not a number", arg)
	}
	return id, nil
}

// parseIDs reads article IDs.
func parseIDs(args []string) ([]int64, error) {
	ids := make([]int64, len(args))
	for i, arg := range args {
		id, err := parseID(arg)
		if err != nil {
			return nil, err
		}
		ids[i] = id
	}
	return ids, nil
}
