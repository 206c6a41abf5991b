/// The OpenAPI 3.1 description of the API, answered at `/v1/openapi.json` and committed as
/// `docs/openapi.json` (a test keeps the two equal).
enum OpenAPIDocument {
    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "appraise serve",
    "version": "1",
    "description": "The JSON API of appraise (docs/serve.md): the same reports as `appraise check` and `appraise screen`."
  },
  "security": [
    {
      "bearer": []
    },
    {}
  ],
  "paths": {
    "/healthz": {
      "get": {
        "summary": "Liveness",
        "operationId": "healthz",
        "tags": [
          "server"
        ],
        "parameters": [],
        "responses": {
          "200": {
            "description": "The server is up.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "status"
                  ],
                  "properties": {
                    "status": {
                      "const": "ok"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/v1/version": {
      "get": {
        "summary": "Tool version, rule set and schema digests, reload state",
        "operationId": "version",
        "tags": [
          "server"
        ],
        "parameters": [],
        "responses": {
          "200": {
            "description": "Versions.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/v1/openapi.json": {
      "get": {
        "summary": "This document",
        "operationId": "openapi",
        "tags": [
          "server"
        ],
        "parameters": [],
        "responses": {
          "200": {
            "description": "OpenAPI 3.1.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/v1/rules": {
      "get": {
        "summary": "What `rules list --format json` prints",
        "operationId": "listRules",
        "tags": [
          "rules"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Lang"
          }
        ],
        "responses": {
          "200": {
            "description": "Rules and parameters.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/v1/schema": {
      "get": {
        "summary": "The dossier JSON Schema (`schema --json-schema`)",
        "operationId": "schema",
        "tags": [
          "rules"
        ],
        "parameters": [],
        "responses": {
          "200": {
            "description": "JSON Schema 2020-12.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/v1/check": {
      "post": {
        "summary": "Check one dossier (`check --format json`)",
        "operationId": "check",
        "tags": [
          "screening"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/AsOf"
          },
          {
            "$ref": "#/components/parameters/Lang"
          },
          {
            "$ref": "#/components/parameters/Explain"
          },
          {
            "name": "name",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            },
            "description": "The dossier's name in the report (default dossier.yaml)."
          }
        ],
        "responses": {
          "200": {
            "description": "The JSON report.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "413": {
            "$ref": "#/components/responses/Error"
          },
          "415": {
            "$ref": "#/components/responses/Error"
          },
          "422": {
            "description": "The dossier is invalid: the JSON report, verdict invalid, errors located.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        },
        "requestBody": {
          "required": true,
          "content": {
            "application/yaml": {
              "schema": {
                "type": "string"
              }
            }
          }
        }
      }
    },
    "/v1/screen": {
      "post": {
        "summary": "Screen a slate or a set of dossiers (`screen`)",
        "operationId": "screen",
        "tags": [
          "screening"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/AsOf"
          },
          {
            "$ref": "#/components/parameters/Lang"
          },
          {
            "$ref": "#/components/parameters/Explain"
          },
          {
            "$ref": "#/components/parameters/Format"
          }
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/Report"
          },
          "413": {
            "$ref": "#/components/responses/Error"
          },
          "415": {
            "$ref": "#/components/responses/Error"
          },
          "422": {
            "$ref": "#/components/responses/Error"
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        },
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "dossiers"
                ],
                "additionalProperties": false,
                "properties": {
                  "slate": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The slate file's YAML text, named slate.yaml in the report; null screens every dossier."
                  },
                  "dossiers": {
                    "type": "object",
                    "additionalProperties": {
                      "type": "string"
                    },
                    "description": "Dossier YAML texts by name."
                  },
                  "decisions": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    },
                    "description": "Review decisions files' YAML texts (format decisions/1, decisions.md), applied as --decisions applies them; a single one is named decisions.yaml, several decisions-1.yaml, decisions-2.yaml, ... An invalid one answers 422."
                  }
                }
              }
            }
          }
        }
      }
    },
    "/v1/playground": {
      "post": {
        "summary": "Lint one rule file, run its examples and check a dossier with it (the web app's rule playground; role author)",
        "operationId": "playground",
        "tags": [
          "rules"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/AsOf"
          },
          {
            "$ref": "#/components/parameters/Lang"
          }
        ],
        "responses": {
          "200": {
            "description": "The rule file's diagnostics (as rules lint FILE), its examples' results (null when it has errors) and the check report of the dossier with --explain (null without a dossier or with errors).",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "diagnostics",
                    "examples",
                    "report"
                  ],
                  "properties": {
                    "diagnostics": {
                      "type": "array",
                      "items": {
                        "type": "object"
                      }
                    },
                    "examples": {
                      "type": [
                        "object",
                        "null"
                      ]
                    },
                    "report": {
                      "type": [
                        "object",
                        "null"
                      ]
                    }
                  }
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "413": {
            "$ref": "#/components/responses/Error"
          },
          "415": {
            "$ref": "#/components/responses/Error"
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        },
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "rules"
                ],
                "additionalProperties": false,
                "properties": {
                  "rules": {
                    "type": "string",
                    "description": "The rule file's YAML text (format rules/1), named playground.yaml in diagnostics; loaded alone with the shipped schema and calendar, as rules lint FILE loads it."
                  },
                  "dossier": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "A dossier's YAML text, checked with the rule file."
                  },
                  "dossier_file": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "A workspace dossier by its path under --workspace, when dossier is not given; an unknown one answers 404."
                  }
                }
              }
            }
          }
        }
      }
    },
    "/v1/slates": {
      "get": {
        "summary": "Every slate of the workspace with its counts per verdict (--workspace)",
        "operationId": "listSlates",
        "tags": [
          "workspace"
        ],
        "parameters": [],
        "responses": {
          "200": {
            "description": "Slates.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/v1/slates/{slate}/report": {
      "get": {
        "summary": "The screening report of a workspace slate",
        "operationId": "slateReport",
        "tags": [
          "workspace"
        ],
        "parameters": [
          {
            "name": "slate",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            },
            "description": "The slate's path under the workspace without .yaml, '/' written as '~'.",
            "example": "slate"
          },
          {
            "$ref": "#/components/parameters/AsOf"
          },
          {
            "$ref": "#/components/parameters/Lang"
          },
          {
            "$ref": "#/components/parameters/Explain"
          },
          {
            "$ref": "#/components/parameters/Format"
          }
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/Report"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "422": {
            "$ref": "#/components/responses/Error"
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/v1/candidates/{id}": {
      "get": {
        "summary": "A candidate's dossier text and report entry",
        "operationId": "candidate",
        "tags": [
          "workspace"
        ],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            },
            "example": "NB-2025-006"
          },
          {
            "$ref": "#/components/parameters/AsOf"
          },
          {
            "$ref": "#/components/parameters/Lang"
          }
        ],
        "responses": {
          "200": {
            "description": "The dossier and its entry.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/v1/decisions": {
      "post": {
        "summary": "Record a review decision in the slate's decisions file (reviewer)",
        "description": "Workspace mode. Checks the decision against the finding as the slate's report shows it now (it must exist, not be a disqualify or rule-error finding, and have the content fingerprint the reviewer saw), appends it to the first decisions file the slate names by a literal path, and rewrites that file atomically under a lock. Every refusal names the field at fault in a diagnostic's path. docs/serve.md, decisions.md.",
        "operationId": "recordDecision",
        "tags": [
          "workspace"
        ],
        "parameters": [],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "slate",
                  "rule",
                  "at",
                  "content",
                  "outcome",
                  "reason"
                ],
                "additionalProperties": false,
                "properties": {
                  "slate": {
                    "type": "string",
                    "description": "The slate's name as GET /v1/slates lists it.",
                    "example": "slate"
                  },
                  "candidate": {
                    "type": "string",
                    "description": "The candidate id of a candidate finding (or involved, for a slate finding).",
                    "example": "NB-2025-007"
                  },
                  "involved": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    },
                    "description": "The ids of the candidates a slate finding involves, as the report lists them (instead of candidate)."
                  },
                  "rule": {
                    "type": "string",
                    "example": "DISC-DISMISSED"
                  },
                  "at": {
                    "type": "string",
                    "description": "The finding's location path.",
                    "example": "discipline[0]"
                  },
                  "content": {
                    "type": "string",
                    "pattern": "^sha256:[0-9a-f]{64}$",
                    "description": "The content fingerprint of the finding the reviewer saw; 409 when the finding's evidence changed since."
                  },
                  "outcome": {
                    "enum": [
                      "cleared",
                      "upheld"
                    ],
                    "type": "string"
                  },
                  "reason": {
                    "type": "string",
                    "description": "What was verified; not blank."
                  },
                  "reference": {
                    "type": "string"
                  },
                  "expires": {
                    "type": "string",
                    "format": "date",
                    "description": "After decided_on."
                  },
                  "decided_on": {
                    "type": "string",
                    "format": "date",
                    "description": "Default: today in Asia/Ho_Chi_Minh."
                  },
                  "decided_by": {
                    "type": "string",
                    "description": "Required without --tokens; with --tokens it is the token's name and sending it is refused."
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The decision as written, the file and the line it starts on.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "file",
                    "line",
                    "decision"
                  ],
                  "properties": {
                    "file": {
                      "type": "string"
                    },
                    "line": {
                      "type": "integer"
                    },
                    "decision": {
                      "type": "object",
                      "required": [
                        "rule",
                        "at",
                        "content",
                        "evidence",
                        "outcome",
                        "reason",
                        "decided_by",
                        "decided_on"
                      ],
                      "properties": {
                        "candidate": {
                          "type": "string"
                        },
                        "involved": {
                          "type": "array",
                          "items": {
                            "type": "string"
                          }
                        },
                        "rule": {
                          "type": "string"
                        },
                        "at": {
                          "type": "string"
                        },
                        "content": {
                          "type": "string"
                        },
                        "outcome": {
                          "enum": [
                            "cleared",
                            "upheld"
                          ],
                          "type": "string"
                        },
                        "reason": {
                          "type": "string"
                        },
                        "reference": {
                          "type": [
                            "string",
                            "null"
                          ]
                        },
                        "expires": {
                          "type": [
                            "string",
                            "null"
                          ]
                        },
                        "decided_on": {
                          "type": "string"
                        },
                        "decided_by": {
                          "type": "string"
                        },
                        "evidence": {
                          "type": "array",
                          "items": {
                            "type": "object",
                            "required": [
                              "path",
                              "value"
                            ],
                            "properties": {
                              "path": {
                                "type": "string"
                              },
                              "value": {
                                "type": "string"
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "409": {
            "$ref": "#/components/responses/Error"
          },
          "413": {
            "$ref": "#/components/responses/Error"
          },
          "415": {
            "$ref": "#/components/responses/Error"
          },
          "422": {
            "$ref": "#/components/responses/Error"
          },
          "500": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearer": {
        "type": "http",
        "scheme": "bearer",
        "description": "A token of --tokens FILE; not needed on loopback without --tokens."
      }
    },
    "responses": {
      "Error": {
        "description": "An error: {\"error\": {\"code\", \"message\", \"diagnostics\"}}.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Report": {
        "description": "The screening report in the format the `format` parameter chose (JSON by default).",
        "content": {
          "application/json": {
            "schema": {
              "type": "object"
            }
          },
          "application/jsonl": {
            "schema": {
              "type": "string"
            }
          },
          "application/sarif+json": {
            "schema": {
              "type": "object"
            }
          },
          "text/csv": {
            "schema": {
              "type": "string"
            }
          },
          "text/html": {
            "schema": {
              "type": "string"
            }
          },
          "text/markdown": {
            "schema": {
              "type": "string"
            }
          }
        }
      }
    },
    "schemas": {
      "Error": {
        "type": "object",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "object",
            "required": [
              "code",
              "message",
              "diagnostics"
            ],
            "properties": {
              "code": {
                "type": "string"
              },
              "message": {
                "type": "string"
              },
              "diagnostics": {
                "type": "array",
                "items": {
                  "type": "object"
                }
              }
            }
          }
        }
      }
    },
    "parameters": {
      "Lang": {
        "description": "Report language.",
        "in": "query",
        "name": "lang",
        "required": false,
        "schema": {
          "enum": [
            "en",
            "vi"
          ],
          "type": "string"
        }
      },
      "AsOf": {
        "description": "Evaluation date YYYY-MM-DD (default: the slate's congress date, else today in Asia/Ho_Chi_Minh).",
        "in": "query",
        "name": "as_of",
        "required": false,
        "schema": {
          "format": "date",
          "type": "string"
        }
      },
      "Explain": {
        "description": "Print the evidence under each finding.",
        "in": "query",
        "name": "explain",
        "required": false,
        "schema": {
          "enum": [
            "true",
            "false",
            "1",
            "0"
          ],
          "type": "string"
        }
      },
      "Format": {
        "description": "Report format.",
        "in": "query",
        "name": "format",
        "required": false,
        "schema": {
          "enum": [
            "json",
            "jsonl",
            "sarif",
            "csv",
            "html",
            "markdown"
          ],
          "type": "string"
        }
      }
    }
  }
}
"""#
}
