#include "tests/support/run.hpp"

#include <sys/wait.h>

#include <cstdlib>

#include "tests/support/temp_dir.hpp"

namespace jb::test {

std::string quote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

std::string fixture(const std::string& relative) { return std::string(JBRIDGE_SOURCE_DIR) + "/fixtures/" + relative; }

RunResult run_jbridge(const std::string& arguments, const std::string& prefix) {
    TempDir dir;
    std::string out = dir.path("out"), err = dir.path("err");
    std::string command = prefix + (prefix.empty() ? "" : " ") + quote(JBRIDGE_EXE) + " " + arguments + " </dev/null >" +
                          quote(out) + " 2>" + quote(err);
    int status = std::system(command.c_str());
    RunResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = read_file(out);
    result.err = read_file(err);
    return result;
}

}  // namespace jb::test
