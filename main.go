// Command kabar is a terminal news reader: it imports the news people keep on
// disk into one library and reads it in a full-screen TUI, with a scriptable
// command line beside it (package ui/cli). See README.md.
package main

import (
	"os"

	"kabar/ui/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
