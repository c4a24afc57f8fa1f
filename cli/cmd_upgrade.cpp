#include "cli/cmd_upgrade.hpp"

#include <cstdio>
#include <memory>
#include <CLI/CLI.hpp>

#include "core/archive.hpp"
#include "core/schema.hpp"

namespace jb::cli {

void add_upgrade_command(CLI::App& app, Action& action) {
    auto archive_path = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("upgrade", "Migrate an archive written by an older jbridge to this schema version");
    cmd->add_option("archive", *archive_path, "Archive to upgrade in place (one transaction)")->required();
    cmd->footer("Example:\n  cp school.sqlite school.before-upgrade.sqlite && jbridge upgrade school.sqlite");
    cmd->callback([&action, archive_path] {
        action = [archive_path] {
            Archive archive = Archive::open_write(*archive_path);
            int before = schema_version(archive.db());
            sql::Transaction transaction(archive.db());
            migrate(archive.db());
            transaction.commit();
            std::printf("%s: schema version %d → %d\n", archive_path->c_str(), before, kSchemaVersion);
            return 0;
        };
    });
}

}  // namespace jb::cli
