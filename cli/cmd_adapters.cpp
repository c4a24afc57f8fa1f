#include "cli/cmd_adapters.hpp"

#include <cstdio>
#include <memory>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "core/adapter.hpp"
#include "core/net/puller.hpp"

namespace jb::cli {
namespace {

std::string capabilities(const AdapterInfo& info) {
    std::string text;
    auto add = [&text](bool on, const char* word) {
        if (on) text += (text.empty() ? "" : ", ") + std::string(word);
    };
    add(info.reads, "read");
    add(info.writes, "write");
    add(info.offline, "offline");
    add(info.online || net::find_puller(info.name) != nullptr, "online");  // `pull --from` works
    return text;
}

}  // namespace

void add_adapters_command(CLI::App& app, Action& action) {
    auto json = std::make_shared<bool>(false);
    auto* cmd = app.add_subcommand("adapters", "List the platform adapters and what each can do");
    cmd->add_flag("--json", *json, "Machine-readable declarations");
    cmd->footer("Example:\n  jbridge adapters --json");
    cmd->callback([&action, json] {
        action = [json] {
            if (*json) {
                nlohmann::json list = nlohmann::json::array();
                for (const Adapter* adapter : registered_adapters()) list.push_back(to_json(adapter->info()));
                std::printf("%s\n", list.dump(2).c_str());
                return 0;
            }
            for (const Adapter* adapter : registered_adapters()) {
                const AdapterInfo& info = adapter->info();
                std::printf("%-10s %s\n           %s\n", info.name.c_str(), info.platform.c_str(), capabilities(info).c_str());
                for (const auto& input : info.inputs) std::printf("           input: %s\n", input.c_str());
            }
            return 0;
        };
    });
}

}  // namespace jb::cli
