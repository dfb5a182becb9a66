using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fenquan.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReceptionApprovalAndClaim : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ApprovedAt",
                table: "reception_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ApprovedBy",
                table: "reception_requests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ClaimId",
                table: "reception_requests",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_reception_requests_ClaimId",
                table: "reception_requests",
                column: "ClaimId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_reception_requests_ClaimId",
                table: "reception_requests");

            migrationBuilder.DropColumn(
                name: "ApprovedAt",
                table: "reception_requests");

            migrationBuilder.DropColumn(
                name: "ApprovedBy",
                table: "reception_requests");

            migrationBuilder.DropColumn(
                name: "ClaimId",
                table: "reception_requests");
        }
    }
}
