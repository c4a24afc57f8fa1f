#pragma once
#include <string>

namespace jb::test {

struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs the built jbridge with a shell-quoted argument string; `prefix` goes before the binary
// (e.g. "prlimit --fsize=65536"). Standard input is /dev/null.
RunResult run_jbridge(const std::string& arguments, const std::string& prefix = "");

std::string fixture(const std::string& relative);  // path under fixtures/
std::string quote(const std::string& text);         // single-quoted for the shell

}  // namespace jb::test
