#pragma once
#include "cli/command.hpp"

namespace jb::cli {
void add_pull_command(CLI::App& app, Action& action);
}
