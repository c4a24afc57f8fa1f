#pragma once
#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace jb::cli {

// A verb's work, chosen while parsing and run after it; returns the exit code.
using Action = std::function<int()>;

// Each verb lives in its own file pair and adds itself to the application with this signature.
using CommandSetup = void (*)(CLI::App& app, Action& action);

// Names of registered adapters that can read (or write), for --from / --to validation.
std::vector<std::string> adapter_names(bool for_writing);

}  // namespace jb::cli
