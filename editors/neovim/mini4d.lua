-- mini4d language server for Neovim (nvim-lspconfig).
-- Put this file in your config (e.g. ~/.config/nvim/lua/mini4d.lua) and `require("mini4d")`.

-- `.4dm` files are 4D methods.
vim.filetype.add({ extension = { ["4dm"] = "4d" } })

local configs = require("lspconfig.configs")
if not configs.mini4d then
  configs.mini4d = {
    default_config = {
      cmd = { "mini4d", "lsp" },
      filetypes = { "4d" },
      -- The 4D project around the file: the folder holding `Project/`.
      root_dir = function(fname)
        return require("lspconfig.util").root_pattern("Project")(fname) or vim.fs.dirname(fname)
      end,
      single_file_support = true,
    },
  }
end
require("lspconfig").mini4d.setup({})

-- Neovim 0.11+ without lspconfig:
-- vim.lsp.config("mini4d", { cmd = { "mini4d", "lsp" }, filetypes = { "4d" }, root_markers = { "Project" } })
-- vim.lsp.enable("mini4d")
