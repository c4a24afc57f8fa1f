#include "cli/cmd_stats.hpp"

#include <cstdio>
#include <memory>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "core/archive.hpp"
#include "core/stats.hpp"

namespace jb::cli {

void add_stats_command(CLI::App& app, Action& action) {
    auto archive_path = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    auto* cmd = app.add_subcommand("stats", "Count what an archive holds (schools, students, marks, …)");
    cmd->add_option("archive", *archive_path, "Archive to read")->required();
    cmd->add_flag("--json", *json, "One JSON object with the contract's integer keys");
    cmd->footer("Example:\n  jbridge stats school.sqlite --json\n"
                "Keys: schools classes students teachers subjects lessons marks debts absences homework final_marks");
    cmd->callback([&action, archive_path, json] {
        action = [archive_path, json] {
            Archive archive = Archive::open_read(*archive_path);
            auto stats = compute_stats(archive.db());
            if (*json) {
                nlohmann::ordered_json out = nlohmann::ordered_json::object();
                for (const auto& [key, value] : stats) out[key] = value;
                std::printf("%s\n", out.dump().c_str());
            } else {
                for (const auto& [key, value] : stats) std::printf("%-12s %lld\n", key.c_str(), static_cast<long long>(value));
            }
            return 0;
        };
    });
}

}  // namespace jb::cli
