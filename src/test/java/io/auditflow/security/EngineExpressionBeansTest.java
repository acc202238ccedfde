package io.auditflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditflow.IntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Process expressions reach only the beans our models name (issue 10, finding 4). */
@IntegrationTest
class EngineExpressionBeansTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    ApplicationContext context;

    private Map<Object, Object> beans() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getBeans();
    }

    @Test
    void every_delegate_and_listener_named_in_the_models_is_an_allowed_bean() {
        for (String name : EngineExpressionBeans.namesInModels()) {
            if (name.endsWith("Delegate") || name.endsWith("Listener") || name.endsWith("Service")
                    || name.equals("lifecycleDates")) {
                assertThat(context.containsBean(name)).as("bean %s exists", name).isTrue();
                assertThat(beans()).as("bean %s is allowed", name).containsKey(name);
            }
        }
        assertThat(beans()).containsKeys("taskMetadataListener", "planEngagementDelegate", "controlActivityService");
    }

    @Test
    void other_beans_such_as_the_jdbc_template_are_out_of_reach() {
        assertThat(context.containsBean("jdbcTemplate")).isTrue();
        assertThat(beans()).doesNotContainKey("jdbcTemplate").doesNotContainKey("userService");
        BpmnModelInstance attack = Bpmn.createExecutableProcess("expressionAttackProcess")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Task_ReadUsers").camundaExpression("${jdbcTemplate.queryForList('select * from app_user')}")
                .endEvent().done();
        String deployment = engine.getRepositoryService().createDeployment()
                .addModelInstance("expressionAttackProcess.bpmn", attack).deploy().getId();
        try {
            assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("expressionAttackProcess"))
                    .hasMessageContaining("jdbcTemplate");
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }
}
