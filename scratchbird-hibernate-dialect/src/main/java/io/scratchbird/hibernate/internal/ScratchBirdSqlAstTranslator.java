package io.scratchbird.hibernate.internal;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.sqm.ComparisonOperator;
import org.hibernate.sql.ast.Clause;
import org.hibernate.sql.ast.spi.SqlAstTranslatorWithMerge;
import org.hibernate.sql.ast.tree.Statement;
import org.hibernate.sql.ast.tree.expression.Expression;
import org.hibernate.sql.ast.tree.expression.Literal;
import org.hibernate.sql.ast.tree.expression.Summarization;
import org.hibernate.sql.ast.tree.from.TableReference;
import org.hibernate.sql.ast.tree.insert.ConflictClause;
import org.hibernate.sql.ast.tree.predicate.BooleanExpressionPredicate;
import org.hibernate.sql.ast.tree.select.QueryGroup;
import org.hibernate.sql.ast.tree.select.QueryPart;
import org.hibernate.sql.ast.tree.select.QuerySpec;
import org.hibernate.sql.exec.spi.JdbcOperation;
import org.hibernate.sql.model.internal.TableInsertStandard;

/**
 * Renders Hibernate's SQL AST in SBsql: {@code limit ? offset ?} pagination (with
 * {@code limit <max>} for an offset alone — SBsql has neither a bare OFFSET nor
 * {@code offset … rows fetch …}); {@code FETCH … WITH TIES}/percent emulated with window
 * functions; upserts as MERGE (SBsql's ON CONFLICT takes one column only).
 */
public class ScratchBirdSqlAstTranslator<T extends JdbcOperation> extends SqlAstTranslatorWithMerge<T> {

    public ScratchBirdSqlAstTranslator(SessionFactoryImplementor sessionFactory, Statement statement) {
        super(sessionFactory, statement);
    }

    @Override
    public void visitOffsetFetchClause(QueryPart queryPart) {
        if (!isRowNumberingCurrentQueryPart()) {
            renderLimitOffsetClause(queryPart);
        }
    }

    private boolean shouldEmulateFetchClause(QueryPart queryPart) {
        return getQueryPartForRowNumbering() != queryPart && !isRowsOnlyFetchClauseType(queryPart);
    }

    @Override
    public void visitQueryGroup(QueryGroup queryGroup) {
        if (shouldEmulateFetchClause(queryGroup)) {
            emulateFetchOffsetWithWindowFunctions(queryGroup, true);
        } else {
            super.visitQueryGroup(queryGroup);
        }
    }

    @Override
    public void visitQuerySpec(QuerySpec querySpec) {
        if (shouldEmulateFetchClause(querySpec)) {
            emulateFetchOffsetWithWindowFunctions(querySpec, true);
        } else {
            super.visitQuerySpec(querySpec);
        }
    }

    @Override
    protected void renderComparison(Expression lhs, ComparisonOperator operator, Expression rhs) {
        renderComparisonStandard(lhs, operator, rhs);
    }

    @Override
    public void visitBooleanExpressionPredicate(BooleanExpressionPredicate predicate) {
        if (predicate.isNegated()) {
            appendSql("not(");
            predicate.getExpression().accept(this);
            appendSql(CLOSE_PARENTHESIS);
        } else {
            predicate.getExpression().accept(this);
        }
    }

    @Override
    protected void renderExpressionAsClauseItem(Expression expression) {
        expression.accept(this);
    }

    @Override
    protected void renderInsertIntoNoColumns(TableInsertStandard tableInsert) {
        renderIntoIntoAndTable(tableInsert);
        appendSql("default values");
    }

    @Override
    protected void visitConflictClause(ConflictClause conflictClause) {
        visitStandardConflictClause(conflictClause);
    }

    @Override
    protected void renderTableReferenceIdentificationVariable(TableReference tableReference) {
        String alias = tableReference.getIdentificationVariable();
        if (alias != null) {
            if (getClauseStack().getCurrent() == Clause.INSERT) {
                appendSql(" as ");
            } else {
                appendSql(WHITESPACE);
            }
            appendSql(alias);
        }
    }

    @Override
    protected void renderPartitionItem(Expression expression) {
        if (expression instanceof Literal) {
            appendSql("()");
        } else if (expression instanceof Summarization summarization) {
            appendSql(summarization.getKind().sqlText());
            appendSql(OPEN_PARENTHESIS);
            renderCommaSeparated(summarization.getGroupings());
            appendSql(CLOSE_PARENTHESIS);
        } else {
            expression.accept(this);
        }
    }
}
